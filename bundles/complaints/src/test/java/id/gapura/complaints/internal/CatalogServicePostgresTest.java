package id.gapura.complaints.internal;

/** The catalog's queries and locks on a real PostgreSQL server. */
class CatalogServicePostgresTest extends CatalogServiceTest {

    @Override
    Fixture fixture() {
        return Fixture.postgres();
    }
}

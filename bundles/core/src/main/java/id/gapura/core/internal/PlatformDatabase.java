package id.gapura.core.internal;

import id.gapura.api.Health;
import id.gapura.api.ModuleDescriptor;
import id.gapura.api.SchemaMigrator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one database of the region: runs each schema's versioned migrations (Flyway, one history table per
 * module) and answers what tables a module owns and whether the database is reachable.
 * The platform's own tables ({@code gapura_*}) are migrated when this component activates.
 */
@Component(service = {SchemaMigrator.class, PlatformDatabase.class})
public class PlatformDatabase implements SchemaMigrator {

    static final String PLATFORM_SCHEMA = "gapura";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformDatabase.class);

    private final DataSource dataSource;

    @Activate
    public PlatformDatabase(@Reference(target = "(osgi.jndi.service.name=gapura)") DataSource dataSource,
                            BundleContext context) {
        this.dataSource = dataSource;
        migrate(PLATFORM_SCHEMA, PLATFORM_SCHEMA + "_", context.getBundle());
    }

    @Override
    public MigrationReport migrate(Bundle moduleBundle) {
        ModuleDescriptor module = ModuleDescriptor.fromHeaders(moduleBundle.getHeaders()::get)
                .orElseThrow(() -> new IllegalArgumentException("Bundle " + moduleBundle.getSymbolicName()
                        + " is not a Gapura module: it has no " + ModuleDescriptor.ID_HEADER + " header"));
        return migrate(module.id(), module.tablePrefix(), moduleBundle);
    }

    MigrationReport migrate(String schemaId, String tablePrefix, Bundle bundle) {
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        Flyway flyway = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:db/" + schemaId)
                .table(tablePrefix + "schema_history")
                // every module shares the region's database: another module's tables are no reason to refuse
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        String before = currentVersion(flyway);
        try {
            MigrateResult result = flyway.migrate();
            String after = currentVersion(flyway);
            if (result.migrationsExecuted > 0) {
                LOG.info("Schema {} migrated from version {} to {} ({} migrations)", schemaId, before, after,
                        result.migrationsExecuted);
            }
            return new MigrationReport(schemaId, before, after, result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new IllegalStateException("Migration of schema " + schemaId + " from version " + before
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static String currentVersion(Flyway flyway) {
        return Optional.ofNullable(flyway.info().current())
                .map(MigrationInfo::getVersion)
                .map(Object::toString)
                .orElse("none");
    }

    /** The tables whose names start with the prefix, lower case, sorted. */
    public List<String> tables(String prefix) {
        String wanted = prefix.toLowerCase(Locale.ROOT);
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (name.startsWith(wanted)) {
                        tables.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not list the tables starting with {}", prefix, e);
        }
        tables.sort(String::compareTo);
        return tables;
    }

    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return Health.up("database reachable (" + connection.getMetaData().getDatabaseProductName() + ")");
            }
            return Health.down("database connection is not valid");
        } catch (SQLException e) {
            return Health.down("database unreachable: " + e.getMessage());
        }
    }
}

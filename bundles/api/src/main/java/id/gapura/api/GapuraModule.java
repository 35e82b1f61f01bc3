package id.gapura.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A government module that is up. Each module registers exactly one, with the service property
 * {@value #ID_PROPERTY} set to its id, after its schema is migrated: the platform treats the module as
 * serving only while this service is registered.
 */
@ConsumerType
public interface GapuraModule {

    String ID_PROPERTY = "gapura.module.id";

    /** The module id, the same as the bundle's {@code Gapura-Module-Id} header. */
    String id();

    /** A cheap check of what the module needs to serve (its database, typically). Must not throw. */
    Health health();
}

package id.gapura.api.spi;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Brings a module's tables to the newest version by running the versioned SQL migrations it ships in its
 * bundle under {@code db/<module-id>/} (Flyway naming: {@code V1__create_reports.sql}, {@code V2__...}).
 * Each module keeps its own migration history. The platform calls it for every module bundle when the bundle
 * starts, off the component runtime's thread, and then registers the module's {@link ModuleSchema}: a module
 * references that instead of calling this.
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * @param moduleBundle the bundle carrying the migrations and the {@code Gapura-Module-Id} header
     * @return what was done
     * @throws IllegalStateException when a migration fails; the failed migration's changes are rolled back
     *                               where the database supports transactional DDL
     */
    MigrationReport migrate(Bundle moduleBundle);

    /** The outcome of one migration run. */
    record MigrationReport(String moduleId, String versionBefore, String versionAfter, int migrationsApplied) {
    }
}

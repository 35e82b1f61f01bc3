package id.gapura.core.internal;

import id.gapura.api.Health;
import id.gapura.api.spi.ModuleDescriptor;
import id.gapura.api.spi.SchemaMigrator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /**
     * The first failure of each schema's migration since it last succeeded. A module whose activation failed is
     * activated again by DS, and on databases without transactional DDL the retry only says that an earlier
     * migration failed: an administrator needs the original reason.
     */
    private final Map<String, String> failures = new ConcurrentHashMap<>();

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
        return migrate(schemaId, tablePrefix, Flyway.configure(loader).locations("classpath:db/" + schemaId));
    }

    /**
     * Re-creates a module's tables up to an earlier schema version from migration scripts kept in a folder: the
     * scripts of the version an upgrade started from, when the upgrade is rolled back.
     */
    public MigrationReport migrate(String schemaId, String tablePrefix, Path scripts, String targetVersion) {
        return migrate(schemaId, tablePrefix, Flyway.configure(getClass().getClassLoader())
                .locations("filesystem:" + scripts.toAbsolutePath())
                .target(targetVersion));
    }

    /** Copies the module bundle's migration scripts into the folder, to re-create its schema after it is gone. */
    public static void copyMigrations(Bundle bundle, String schemaId, Path folder) throws IOException {
        Files.createDirectories(folder);
        Enumeration<URL> scripts = bundle.findEntries("db/" + schemaId, "*.sql", false);
        while (scripts != null && scripts.hasMoreElements()) {
            URL script = scripts.nextElement();
            String path = script.getPath();
            try (InputStream in = script.openStream()) {
                Files.copy(in, folder.resolve(path.substring(path.lastIndexOf('/') + 1)));
            }
        }
    }

    /** Why the schema's migration failed, unless it succeeded since. */
    public Optional<String> migrationFailure(String schemaId) {
        return Optional.ofNullable(failures.get(schemaId));
    }

    /** The module's schema version as its migration history says, {@code none} before its first migration. */
    public String schemaVersion(String schemaId, String tablePrefix) {
        // only the history table is read: no migrations need to be found
        return currentVersion(configure(Flyway.configure(getClass().getClassLoader()), tablePrefix).load());
    }

    private FluentConfiguration configure(FluentConfiguration configuration, String tablePrefix) {
        return configuration.dataSource(dataSource)
                .table(tablePrefix + "schema_history")
                // every module shares the region's database: another module's tables are no reason to refuse
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }

    private MigrationReport migrate(String schemaId, String tablePrefix, FluentConfiguration configuration) {
        Flyway flyway = configure(configuration, tablePrefix).load();
        String before = currentVersion(flyway);
        try {
            MigrateResult result = flyway.migrate();
            String after = currentVersion(flyway);
            if (result.migrationsExecuted > 0) {
                LOG.info("Schema {} migrated from version {} to {} ({} migrations)", schemaId, before, after,
                        result.migrationsExecuted);
            }
            failures.remove(schemaId);
            return new MigrationReport(schemaId, before, after, result.migrationsExecuted);
        } catch (FlywayException e) {
            String message = failures.computeIfAbsent(schemaId, id -> "Migration of schema " + schemaId
                    + " from version " + before + " failed: " + reason(e));
            throw new IllegalStateException(message, e);
        }
    }

    /** Flyway's own first line, and the database's first line of why, on one line for an administrator. */
    static String reason(FlywayException e) {
        String reason = firstLine(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return reason + ": " + firstLine(sql.getMessage());
            }
        }
        return reason;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
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

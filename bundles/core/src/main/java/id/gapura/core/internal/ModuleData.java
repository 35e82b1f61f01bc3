package id.gapura.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A module's tables as data: counted, exported to a file, copied aside before an upgrade and put back exactly
 * when the upgrade fails, and dropped by a purge. Works on the embedded H2 and on PostgreSQL through plain JDBC,
 * so every database the region may use behaves the same.
 */
@Component(service = ModuleData.class)
public class ModuleData {

    /** Copies made before an upgrade are named after the table with this prefix, outside every module's prefix. */
    public static final String ROLLBACK_PREFIX = "rollback_";
    static final String EXPORT_FORMAT = "gapura-module-export";
    static final String NULL_MARKER = "\\N";
    private static final int MAX_IDENTIFIER = 63;

    private final DataSource dataSource;

    @Activate
    public ModuleData(@Reference(target = "(osgi.jndi.service.name=gapura)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tables taken aside before an upgrade, and how many rows each had. */
    public record Snapshot(String prefix, List<String> tables, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The rows of each table whose name starts with the prefix, by table name (lower case). */
    public Map<String, Long> rowCounts(String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> counts = new TreeMap<>();
            for (Map.Entry<String, String> table : tables(connection, prefix).entrySet()) {
                counts.put(table.getKey(), count(connection, quote(connection, table.getValue())));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the rows of the tables " + prefix + "*: " + e.getMessage(), e);
        }
    }

    /**
     * Copies every table of the module (its migration history included) aside, for {@link #restore} should the
     * upgrade fail. The module must not be running: rows written after the copy would not be in it.
     */
    public Snapshot snapshot(String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> leftovers = tables(connection, ROLLBACK_PREFIX + prefix);
            if (!leftovers.isEmpty()) {
                throw new IllegalStateException("Copies from an earlier upgrade that did not finish are still in the"
                        + " database (" + String.join(", ", leftovers.keySet()) + "). Compare them with the module's"
                        + " tables, then drop them, before upgrading again.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database: " + e.getMessage(), e);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, String> tables = tables(connection, prefix);
            for (Map.Entry<String, String> table : tables.entrySet()) {
                String original = quote(connection, table.getValue());
                String copy = quote(connection, rollbackName(table.getKey()));
                statement.execute("CREATE TABLE " + copy + " AS SELECT * FROM " + original);
                long copied = count(connection, copy);
                long count = count(connection, original);
                if (copied != count) {
                    throw new IllegalStateException("the copy of " + table.getKey() + " has " + copied
                            + " rows, the table " + count);
                }
                rows.put(table.getKey(), count);
            }
            return new Snapshot(prefix, List.copyOf(tables.keySet()), rows);
        } catch (SQLException | RuntimeException e) {
            discardQuietly(prefix);
            throw new IllegalStateException("Could not copy the tables " + prefix + "* aside: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the module's tables back exactly as they were at the {@link #snapshot}: drops whatever the failed
     * upgrade left, lets {@code recreateSchema} rebuild the tables at the old schema version, replaces their rows
     * (seed rows included) with the copies, sets identity columns past the highest id, then drops the copies.
     */
    public void restore(Snapshot snapshot, Runnable recreateSchema) {
        try (Connection connection = dataSource.getConnection()) {
            drop(connection, tables(connection, snapshot.prefix()).values());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the tables the failed upgrade left: " + e.getMessage(), e);
        }
        recreateSchema.run();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Map<String, String> tables = tables(connection, snapshot.prefix());
            if (!tables.keySet().equals(new LinkedHashSet<>(snapshot.tables()))) {
                throw new IllegalStateException("The old migrations re-created " + tables.keySet()
                        + " but the copy has " + snapshot.tables());
            }
            List<String> order = parentsFirst(connection, tables);
            try (Statement statement = connection.createStatement()) {
                for (int i = order.size() - 1; i >= 0; i--) {
                    statement.executeUpdate("DELETE FROM " + quote(connection, tables.get(order.get(i))));
                }
                for (String table : order) {
                    String quoted = quote(connection, tables.get(table));
                    statement.executeUpdate("INSERT INTO " + quoted + " SELECT * FROM "
                            + quote(connection, rollbackName(table)));
                    long restored = count(connection, quoted);
                    if (restored != snapshot.rows().get(table)) {
                        throw new IllegalStateException(table + " has " + restored + " rows after the restore, "
                                + snapshot.rows().get(table) + " before the upgrade");
                    }
                }
                restartIdentities(connection, statement, tables);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not put the rows back from the copies " + ROLLBACK_PREFIX
                    + snapshot.prefix() + "* (they are kept): " + e.getMessage(), e);
        }
        discard(snapshot.prefix());
    }

    /** Drops the copies of a snapshot, after a successful upgrade or a restore. */
    public void discard(String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            drop(connection, tables(connection, ROLLBACK_PREFIX + prefix).values());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the copies " + ROLLBACK_PREFIX + prefix + "*: "
                    + e.getMessage(), e);
        }
    }

    private void discardQuietly(String prefix) {
        try {
            discard(prefix);
        } catch (RuntimeException ignored) {
            // the first failure is the one to report
        }
    }

    /** Drops every table of the module, its migration history included. */
    public void dropAll(String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            drop(connection, tables(connection, prefix).values());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the tables " + prefix + "*: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every table of the module to a ZIP file: {@code manifest.json} (module, versions, tables with their
     * columns and row counts) and one CSV file per table under {@code tables/}. All tables are read in one
     * transaction, so they agree with each other. The file appears only when complete.
     *
     * @return the rows written per table
     */
    public Map<String, Long> export(String moduleId, String moduleVersion, String schemaVersion, String prefix,
                                Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            Map<String, String> tables = tables(connection, prefix);
            List<Map<String, Object>> described = new ArrayList<>();
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, String> table : tables.entrySet()) {
                    zip.putNextEntry(new ZipEntry("tables/" + table.getKey() + ".csv"));
                    Map<String, Object> description = writeTable(connection, table.getKey(),
                            quote(connection, table.getValue()), zip);
                    zip.closeEntry();
                    rows.put(table.getKey(), (Long) description.get("rows"));
                    described.add(description);
                }
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", EXPORT_FORMAT);
                manifest.put("formatVersion", 1);
                manifest.put("module", moduleId);
                manifest.put("moduleVersion", moduleVersion);
                manifest.put("schemaVersion", schemaVersion);
                manifest.put("exportedAt", Instant.now().toString());
                manifest.put("database", connection.getMetaData().getDatabaseProductName());
                manifest.put("csv", Map.of("charset", "UTF-8", "header", true, "null", NULL_MARKER,
                        "binary", "base64", "timestamps", "ISO-8601, UTC", "dates", "ISO-8601"));
                manifest.put("tables", described);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            connection.rollback();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("Could not read the tables " + prefix + "*: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> writeTable(Connection connection, String table, String quoted,
                                                  OutputStream zip) throws SQLException, IOException {
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        long rows = 0;
        List<Map<String, Object>> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + quoted)) {
            ResultSetMetaData meta = rs.getMetaData();
            String[] header = new String[meta.getColumnCount()];
            for (int i = 1; i <= header.length; i++) {
                header[i - 1] = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("name", header[i - 1]);
                column.put("type", meta.getColumnTypeName(i).toLowerCase(Locale.ROOT));
                column.put("nullable", meta.isNullable(i) != ResultSetMetaData.columnNoNulls);
                columns.add(column);
            }
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header)
                    .setNullString(NULL_MARKER).build());
            while (rs.next()) {
                List<String> values = new ArrayList<>(header.length);
                for (int i = 1; i <= header.length; i++) {
                    values.add(text(rs, i, meta.getColumnType(i)));
                }
                csv.printRecord(values);
                rows++;
            }
            csv.flush();
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", table);
        description.put("file", "tables/" + table + ".csv");
        description.put("rows", rows);
        description.put("columns", columns);
        return description;
    }

    private static String text(ResultSet rs, int column, int type) throws SQLException {
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(column);
                return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Object value = rs.getObject(column);
                if (value instanceof OffsetDateTime offset) {
                    return offset.toInstant().toString();
                }
                Timestamp timestamp = rs.getTimestamp(column);
                return timestamp == null ? null : timestamp.toLocalDateTime().atOffset(ZoneOffset.UTC).toInstant().toString();
            }
            default -> {
                Object value = rs.getObject(column);
                return value == null ? null : value instanceof java.math.BigDecimal decimal
                        ? decimal.toPlainString() : value.toString();
            }
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    /** Lower-case name → name as the database stores it, for the tables whose name starts with the prefix. */
    private static Map<String, String> tables(Connection connection, String prefix) throws SQLException {
        String wanted = prefix.toLowerCase(Locale.ROOT);
        Map<String, String> tables = new TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith(wanted)) {
                    tables.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return tables;
    }

    /** The tables ordered so that every table comes after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection connection, Map<String, String> tables) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : tables.entrySet()) {
            Set<String> referenced = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table.getValue())) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table.getKey()) && tables.containsKey(parent)) {
                        referenced.add(parent);
                    }
                }
            }
            parents.put(table.getKey(), referenced);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            int before = ordered.size();
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("The foreign keys between " + parents.keySet() + " form a cycle");
            }
        }
        return ordered;
    }

    private static void restartIdentities(Connection connection, Statement statement, Map<String, String> tables)
            throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String quotedTable = quote(connection, table.getValue());
            for (String column : identityColumns(connection, table.getValue())) {
                String quotedColumn = quote(connection, column);
                long next;
                try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(" + quotedColumn + "), 0) + 1 FROM "
                        + quotedTable)) {
                    rs.next();
                    next = rs.getLong(1);
                }
                statement.execute(postgres
                        ? "SELECT setval(pg_get_serial_sequence('" + quotedTable + "', '" + column + "'), " + next
                        + ", false)"
                        : "ALTER TABLE " + quotedTable + " ALTER COLUMN " + quotedColumn + " RESTART WITH " + next);
            }
        }
    }

    private static List<String> identityColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
                table, "%")) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        return columns;
    }

    private static void drop(Connection connection, Collection<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + quote(connection, table) + " CASCADE");
            }
        }
    }

    /** Names as the database stores them, quoted: Flyway creates its history table with a quoted lower-case name. */
    private static String quote(Connection connection, String name) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString().strip();
        return quote + name.replace(quote, quote + quote) + quote;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String rollbackName(String table) {
        String name = ROLLBACK_PREFIX + table;
        if (name.length() > MAX_IDENTIFIER) {
            throw new IllegalStateException("Table name " + table + " is too long to keep a copy of it");
        }
        return name;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do about a partial file we cannot delete
        }
    }
}

package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data lifecycle of a module on the assembled distribution, on the embedded database and on PostgreSQL:
 * a module delivered as KAR files (through deploy/ and with --file), upgraded in place with its rows migrated,
 * upgrades that fail (a migration that breaks halfway, a bundle that cannot resolve) rolled back with the data
 * exactly as before while another module keeps serving, uninstall and reinstall keeping every row, export and
 * purge.
 */
class ModuleDataIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lifecycleOnTheEmbeddedDatabase() throws Exception {
        try (GapuraInstance gapura = new GapuraInstance()) {
            gapura.start();
            lifecycle(gapura);
        }
    }

    @Test
    void lifecycleOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             GapuraInstance gapura = new GapuraInstance()) {
            gapura.useDatabase("PostgreSQL JDBC Driver",
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
            gapura.start();
            assertTrue(gapura.get("/api/health", "karaf", "karaf").body().contains("PostgreSQL"));
            lifecycle(gapura);
        }
    }

    private void lifecycle(GapuraInstance gapura) throws Exception {
        TestProvider.cover(gapura, "complaints");
        assertSucceeds(gapura, "module:install complaints");

        // version 1 arrives as a KAR dropped into deploy/: it becomes available, nothing is installed by itself
        gapura.deploy("notes-1.0.0.kar", NotesKar.v1());
        awaitFeatureVersion(gapura, "1.0.0");
        assertEquals(404, gapura.get("/api/notes/rows", "karaf", "karaf").statusCode());
        assertSucceeds(gapura, "module:install --force notes");
        // the KAR brought the module's settings and console ACL with it
        await("the KAR's settings are written to etc/").atMost(Duration.ofSeconds(30)).until(() ->
                Files.exists(gapura.home.resolve("etc/id.gapura.notes.cfg"))
                        && Files.readString(gapura.home.resolve("etc/id.gapura.notes.cfg")).contains("selamat datang")
                        && Files.exists(gapura.home.resolve("etc/org.apache.karaf.command.acl.notes.cfg")));
        for (String text : List.of("urgent: lampu jalan mati #pju #malam", "jalan berlubang #jalan", "taman kotor")) {
            HttpResponse<String> added = gapura.send("POST", "/api/notes/rows", "text/plain", text, "karaf", "karaf");
            assertEquals(200, added.statusCode(), added.body());
        }
        JsonNode v1Notes = notes(gapura);
        assertEquals(4, v1Notes.size(), "the seed row and three notes: " + v1Notes);
        Path before = export(gapura, "before.zip");
        Map<String, String> v1Tables = tableFiles(before);
        assertTrue(v1Tables.get("tables/notes_tag.csv").contains("pju"), v1Tables.toString());

        // uninstall keeps every row; reinstall finds them as they were
        assertSucceeds(gapura, "module:uninstall notes");
        assertEquals(404, gapura.get("/api/notes/rows", "karaf", "karaf").statusCode());
        assertSucceeds(gapura, "module:install --force notes");
        assertEquals(v1Notes, notes(gapura), "rows after uninstall and reinstall");
        System.out.printf("[figures] uninstall -> reinstall: %d rows before, %d after%n", v1Notes.size(), notes(gapura).size());

        // another module keeps serving while this one is upgraded, rolled back and upgraded again
        List<String> bundlesBefore = bundles(gapura);
        JsonNode v2Notes;
        try (Watch complaints = new Watch(gapura, "/api/complaints/services")) {

            // a version whose migration fails halfway: rolled back, data exactly as before
            Path broken = gapura.write("incoming/notes-1.5.0.kar", "");
            Files.write(broken, NotesKar.brokenMigration());
            long failingStarted = System.nanoTime();
            GapuraInstance.Shell failed = gapura.console("module:upgrade --force --file " + broken + " notes 1.5.0");
            long failingMillis = (System.nanoTime() - failingStarted) / 1_000_000;
            assertNotEquals(0, failed.exitStatus(), failed.output());
            assertTrue(failed.output().contains("Upgrade of notes 1.0.0 -> 1.5.0 failed")
                    && failed.output().toLowerCase().contains("notes_table_that_does_not_exist")
                    && failed.output().contains("Rolled back"), failed.output());
            assertFalse(failed.output().contains("\tat "), "no stack trace: " + failed.output());
            assertEquals(v1Notes, notes(gapura), "rows after the failed upgrade");
            assertEquals(v1Tables, tableFiles(export(gapura, "after-failed-migration.zip")),
                    "every table, row and value is as before the failed upgrade, the migration history included");
            System.out.printf("[figures] failed upgrade (migration breaks halfway): %d rows before, %d after, tables"
                    + " equal; failure, rollback and old version serving again took %d ms%n", v1Notes.size(),
                    notes(gapura).size(), failingMillis);

            // a version whose bundle cannot resolve: nothing half-installed, the old version serves again
            Path unresolvable = gapura.write("incoming/notes-1.6.0.kar", "");
            Files.write(unresolvable, NotesKar.unresolvable());
            GapuraInstance.Shell refused = gapura.console("module:upgrade --force --file " + unresolvable + " notes 1.6.0");
            assertNotEquals(0, refused.exitStatus(), refused.output());
            assertTrue(refused.output().contains("id.gapura.nothing.exports.this")
                    && refused.output().contains("Rolled back"), refused.output());
            assertEquals(v1Notes, notes(gapura));
            assertEquals(v1Tables, tableFiles(export(gapura, "after-unresolvable.zip")));
            assertEquals(bundlesBefore, bundles(gapura), "no bundle left behind or missing after the failed upgrades");

            // a half-copied KAR in deploy/ is never installed; once complete, its version becomes available
            byte[] v2 = NotesKar.v2();
            Path half = gapura.home.resolve("deploy/notes-2.0.0.kar");
            Files.write(half, Arrays.copyOf(v2, v2.length / 2));
            // a complete KAR moved in after it: once the deployer has taken that one, it has seen the half one too
            gapura.deploy("broken-1.0.0.kar", NotesKar.brokenModule());
            await("Karaf's deployer has taken the files in deploy/").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> gapura.console("module:list --no-format").output().contains("broken"));
            assertFalse(featureVersions(gapura).contains("2.0.0"), "a half-copied KAR must not add a version");
            assertEquals(v1Notes, notes(gapura));
            Files.write(half, v2);
            awaitFeatureVersion(gapura, "2.0.0");

            // no agreement covers the test module: an upgrade is refused unless forced, like an install
            GapuraInstance.Shell uncovered = gapura.console("module:upgrade notes");
            assertNotEquals(0, uncovered.exitStatus(), uncovered.output());
            assertEquals(List.of("Module 'notes' is not covered: no active cooperation agreement covers it. Import the "
                    + "agreement that allows it and upgrade again, or upgrade anyway with --force (recorded in the "
                    + "audit log). Nothing was changed."), uncovered.lines());
            assertEquals(v1Notes, notes(gapura));

            // the upgrade to version 2: a new column, existing rows migrated
            long started = System.nanoTime();
            GapuraInstance.Shell upgraded = gapura.console("module:upgrade --force notes");
            long upgradeMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(0, upgraded.exitStatus(), upgraded.output());
            assertTrue(upgraded.output().contains("Upgraded notes from 1.0.0 to 2.0.0")
                    && upgraded.output().contains("schema 1 -> 2")
                    && upgraded.output().contains("Other bundles restarted or refreshed: 0"), upgraded.output());
            v2Notes = notes(gapura);
            assertEquals(v1Notes.size(), v2Notes.size());
            for (int i = 0; i < v2Notes.size(); i++) {
                assertEquals(v1Notes.get(i).get("text"), v2Notes.get(i).get("text"));
                assertEquals(v2Notes.get(i).get("text").asText().contains("urgent") ? "high" : "normal",
                        v2Notes.get(i).path("priority").asText(), v2Notes.toString());
            }
            System.out.printf("[figures] upgrade 1.0.0 -> 2.0.0: %d rows before, %d after; module:upgrade took %d ms"
                    + " (console round trip included)%n", v1Notes.size(), v2Notes.size(), upgradeMillis);
            assertEquals(0, complaints.failures.get(), "complaints answered every request while notes was upgraded"
                    + " and rolled back; of " + complaints.requests.get() + ": " + complaints.answers);
            assertTrue(complaints.requests.get() > 0);
        }

        // bin/karaf clean forgets the KARs Karaf installed; the region gets notes back at 2.0.0 (never at 1.0.0, which
        // would not understand its tables), from the KARs kept in deploy/, module:upgrade --file's included
        assertTrue(Files.exists(gapura.home.resolve("deploy/notes-1.5.0.kar")), "module:upgrade --file keeps the KAR");
        gapura.stop();
        gapura.start("clean");
        await("notes is restored at the version it had after bin/karaf clean").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> gapura.get("/api/notes/rows", "karaf", "karaf").statusCode() == 200);
        assertEquals(v2Notes, notes(gapura), "every row, at version 2, after bin/karaf clean");
        assertTrue(gapura.console("module:list --no-format").output().lines()
                .anyMatch(line -> line.startsWith("notes") && line.contains("2.0.0")));
        await("Karaf's deployer has taken the KARs in deploy/ again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> gapura.console("module:list --no-format").output().contains("broken"));

        // a module that cannot resolve: its install changes nothing, it is listed as failed with the reason
        // (delivered through deploy/ above)
        List<String> beforeBroken = bundles(gapura);
        GapuraInstance.Shell brokenInstall = gapura.console("module:install --force broken");
        assertNotEquals(0, brokenInstall.exitStatus(), brokenInstall.output());
        assertTrue(brokenInstall.output().contains("id.gapura.nothing.exports.this")
                && brokenInstall.output().contains("Nothing was installed"), brokenInstall.output());
        assertEquals(beforeBroken, bundles(gapura), "no bundle of the broken module is left behind");
        String brokenLine = gapura.console("module:list --no-format").output().lines()
                .filter(line -> line.startsWith("broken")).findFirst().orElseThrow();
        assertTrue(brokenLine.toLowerCase().contains("failed"), brokenLine);
        assertEquals(200, gapura.get("/api/complaints/services", "karaf", "karaf").statusCode());
        assertEquals(200, gapura.get("/api/notes/rows", "karaf", "karaf").statusCode());

        // purge: refused while installed and without --force; exports first, then deletes; audited
        GapuraInstance.Shell installed = gapura.console("module:purge --force notes");
        assertNotEquals(0, installed.exitStatus());
        assertTrue(installed.output().contains("uninstall it first"), installed.output());
        assertSucceeds(gapura, "module:uninstall notes");
        GapuraInstance.Shell unconfirmed = gapura.console("module:purge notes");
        assertNotEquals(0, unconfirmed.exitStatus());
        assertTrue(unconfirmed.output().contains("--force"), unconfirmed.output());
        GapuraInstance.Shell purged = gapura.console("module:purge --force notes");
        assertEquals(0, purged.exitStatus(), purged.output());
        Matcher file = Pattern.compile("exported first to (\\S+\\.zip)").matcher(purged.output());
        assertTrue(file.find(), purged.output());
        Map<String, String> purgedData = tableFiles(Path.of(file.group(1)));
        assertTrue(purgedData.get("tables/notes_note.csv").contains("urgent: lampu jalan mati"), purgedData.toString());
        GapuraInstance.Shell audit = gapura.console("audit:list --no-format");
        assertTrue(audit.output().contains("module.purge") && audit.output().contains("module.upgrade"), audit.output());
        assertSucceeds(gapura, "module:install --force notes");
        assertEquals(1, notes(gapura).size(), "after a purge a new install starts with only the seed row");
    }

    private static void assertSucceeds(GapuraInstance gapura, String command) throws IOException {
        GapuraInstance.Shell shell = gapura.console(command);
        assertEquals(0, shell.exitStatus(), command + ": " + shell.output());
    }

    private static JsonNode notes(GapuraInstance gapura) throws Exception {
        HttpResponse<String> response = gapura.get("/api/notes/rows", "karaf", "karaf");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static Path export(GapuraInstance gapura, String name) throws IOException {
        Path file = gapura.home.resolve("exports-it").resolve(name);
        assertSucceeds(gapura, "module:export notes " + file);
        return file;
    }

    /** The CSV files of an export by name; the manifest differs by its time only and is checked apart. */
    private static Map<String, String> tableFiles(Path export) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(export.toFile())) {
            JsonNode manifest = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertEquals("gapura-module-export", manifest.get("format").asText());
            assertEquals("notes", manifest.get("module").asText());
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("tables/")) {
                    files.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes()));
                }
            }
        }
        assertEquals(List.of("tables/notes_note.csv", "tables/notes_schema_history.csv", "tables/notes_tag.csv"),
                new ArrayList<>(files.keySet()));
        return files;
    }

    private static void awaitFeatureVersion(GapuraInstance gapura, String version) {
        await("gapura-notes " + version + " is available").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> featureVersions(gapura).contains(version));
    }

    private static List<String> featureVersions(GapuraInstance gapura) throws IOException {
        List<String> versions = new ArrayList<>();
        for (String line : gapura.console("feature:list --no-format").output().split("\n")) {
            String[] columns = line.split("\t");
            if (columns.length > 1 && columns[0].strip().equals("gapura-notes")) {
                versions.add(columns[1].strip());
            }
        }
        return versions;
    }

    /** Every bundle's state, start level, version and name; not its id, which a reinstalled module changes. */
    private static List<String> bundles(GapuraInstance gapura) throws IOException {
        List<String> bundles = new ArrayList<>();
        for (String line : gapura.console("bundle:list -t 0 -s --no-format").output().split("\n")) {
            String[] columns = line.split("\t");
            if (columns.length == 5) {
                bundles.add(String.join(" ", Arrays.stream(columns).skip(1).map(String::strip).toList()));
            }
        }
        assertTrue(bundles.size() > 30, bundles.toString());
        return bundles;
    }

    /** Requests one endpoint over and over in the background and counts the answers other than 200. */
    private static final class Watch implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final Map<String, Integer> answers = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watch(GapuraInstance gapura, String path) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = gapura.get(path, "karaf", "karaf");
                        requests.incrementAndGet();
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            answers.merge(response.statusCode() + " " + response.body().substring(0,
                                    Math.min(120, response.body().length())), 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        answers.merge(e.toString(), 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "watch " + path);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }
}

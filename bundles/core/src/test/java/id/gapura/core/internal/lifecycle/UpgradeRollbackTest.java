package id.gapura.core.internal.lifecycle;

import id.gapura.core.ModuleManager.Uncovered;
import id.gapura.core.ModuleManager.UpgradeOutcome;
import id.gapura.core.ModuleOperationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.gapura.core.internal.lifecycle.LifecycleFixture.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * module:upgrade's decisions on a real (H2) schema: the new version migrates the copied-aside tables and serves,
 * or it is removed, the tables are put back as they were and the old version is installed again; when the tables
 * cannot be put back, the module stays uninstalled with its data in the copies.
 */
class UpgradeRollbackTest {

    private static final String NO_REFRESH = "[NoAutoRefreshBundles]";
    private static final URL V1 = UpgradeRollbackTest.class.getResource("/lifecycle/db/notes/V1__notes.sql");
    private static final URL V2 = UpgradeRollbackTest.class.getResource("/lifecycle/db/notes/V2__titles.sql");

    @TempDir
    Path folder;
    private LifecycleFixture fixture;

    @BeforeEach
    void notesAtVersionOneWithThreeRows() throws Exception {
        fixture = new LifecycleFixture(folder);
        fixture.covers("notes", "[1,3)");
        fixture.module("notes", "1.0.0", List.of(V1));
        fixture.module("notes", "2.0.0", List.of(V1, V2));
        fixture.whenStarted("notes", "1.0.0", () -> migrate("1", V1));
        fixture.lifecycle.install(List.of("notes"), Map.of("notes", Version.parseVersion("1.0.0")), Uncovered.REFUSE,
                ACTOR, "");
        fixture.sql("INSERT INTO notes_row (body) VALUES ('Jalan berlubang'), ('Lampu mati'), ('Banjir')");
        fixture.features.calls.clear();
    }

    private void migrate(String target, URL... scripts) throws IOException {
        Path dir = Files.createTempDirectory(folder, "scripts-");
        for (URL script : scripts) {
            try (InputStream in = script.openStream()) {
                String path = script.getPath();
                Files.copy(in, dir.resolve(path.substring(path.lastIndexOf('/') + 1)));
            }
        }
        fixture.database.migrate("notes", "notes_", dir, target);
    }

    @Test
    void theNewVersionMigratesTheTablesAndKeepsEveryRow() throws Exception {
        fixture.whenStarted("notes", "2.0.0", () -> migrate("2", V1, V2));

        UpgradeOutcome outcome = fixture.lifecycle.upgrade("notes", Optional.empty(), Uncovered.REFUSE, ACTOR, "");

        assertEquals("1.0.0", outcome.fromVersion());
        assertEquals("2.0.0", outcome.toVersion());
        assertEquals("1", outcome.schemaBefore());
        assertEquals("2", outcome.schemaAfter());
        assertEquals(3L, outcome.rowsBefore().get("notes_row"));
        assertEquals(3L, outcome.rowsAfter().get("notes_row"));
        assertEquals(List.of("uninstallFeature gapura-notes/1.0.0 " + NO_REFRESH,
                "installFeature gapura-notes/2.0.0 " + NO_REFRESH), fixture.features.calls);
        assertEquals("notes installed 2.0.0 by karaf", fixture.desired.records.get(fixture.desired.records.size() - 1));
        assertTrue(fixture.audit.last().startsWith("karaf module.upgrade notes notes 1.0.0 -> 2.0.0 SUCCEEDED schema "
                + "1 -> 2, serving after "), fixture.audit.last());
        assertFalse(fixture.database.tables("rollback_").iterator().hasNext(), "the copies are dropped");
    }

    @Test
    void aNewVersionThatDoesNotServeIsRemovedAndTheOldOneServesAgainWithItsDataAsBefore() throws Exception {
        fixture.whenStarted("notes", "2.0.0", () -> fixture.sql("DELETE FROM notes_row",
                "ALTER TABLE notes_row ADD COLUMN title VARCHAR(80)"));
        fixture.failsToActivate("notes", "2.0.0", "Migration of schema notes from version 1 failed: boom");

        ModuleOperationException failed = assertThrows(ModuleOperationException.class, () -> fixture.lifecycle
                .upgrade("notes", Optional.of(Version.parseVersion("2.0.0")), Uncovered.REFUSE, ACTOR, ""));

        assertTrue(failed.getMessage().matches("Upgrade of notes 1\\.0\\.0 -> 2\\.0\\.0 failed: Migration of schema "
                + "notes from version 1 failed: boom\\. Rolled back: the data is as before \\(\\d+ rows in 2 tables, "
                + "schema 1\\); notes 1\\.0\\.0 is serving again\\."), failed.getMessage());
        assertEquals(List.of("uninstallFeature gapura-notes/1.0.0 " + NO_REFRESH,
                "installFeature gapura-notes/2.0.0 " + NO_REFRESH,
                "uninstallFeature gapura-notes/2.0.0 " + NO_REFRESH,
                "installFeature gapura-notes/1.0.0 " + NO_REFRESH), fixture.features.calls);
        assertEquals(3, fixture.count("notes_row"), "every row is back");
        assertEquals("1", fixture.database.schemaVersion("notes", "notes_"));
        assertEquals(List.of("notes_row", "notes_schema_history"), fixture.database.tables("notes_"));
        assertEquals(List.of(), fixture.database.tables("rollback_"), "the copies are dropped after the restore");
        assertFalse(fixture.desired.records.stream().anyMatch(record -> record.contains("2.0.0")),
                fixture.desired.records.toString());
        assertTrue(fixture.audit.last().startsWith("karaf module.upgrade notes notes 1.0.0 -> 2.0.0 FAILED Upgrade of "),
                fixture.audit.last());
        assertEquals(Version.parseVersion("1.0.0"), fixture.lifecycle.installedVersions().get("notes"));
    }

    @Test
    void aNewVersionThatDoesNotResolveIsRolledBackTheSameWay() throws Exception {
        fixture.features.failInstalling("gapura-notes/2.0.0", new Exception("Unable to resolve root: missing requirement"));

        ModuleOperationException failed = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.upgrade("notes", Optional.empty(), Uncovered.REFUSE, ACTOR, ""));

        assertTrue(failed.getMessage().startsWith("Upgrade of notes 1.0.0 -> 2.0.0 failed: could not install notes "
                + "2.0.0: Unable to resolve root: missing requirement.. Rolled back: the data is as before"),
                failed.getMessage());
        assertTrue(failed.getMessage().endsWith("notes 1.0.0 is serving again."), failed.getMessage());
        assertEquals("installFeature gapura-notes/1.0.0 " + NO_REFRESH,
                fixture.features.calls.get(fixture.features.calls.size() - 1));
        assertEquals(3, fixture.count("notes_row"));
    }

    @Test
    void whenTheDataCannotBePutBackTheModuleStaysUninstalledWithItsDataInTheCopies() throws Exception {
        fixture.failsToActivate("notes", "2.0.0", "Migration of schema notes from version 1 failed: boom");
        // the copied scripts of the old version are gone: its tables cannot be re-created
        fixture.whenStarted("notes", "2.0.0", () -> fixture.sql("DROP TABLE notes_row"));
        fixture.module("notes", "1.0.0"); // the installed version, as a bundle without its migrations
        fixture.features.markInstalled("gapura-notes/1.0.0");

        ModuleOperationException failed = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.upgrade("notes", Optional.empty(), Uncovered.REFUSE, ACTOR, ""));

        assertTrue(failed.getMessage().contains(". Putting the data back FAILED: "), failed.getMessage());
        assertTrue(failed.getMessage().endsWith(" The module is left uninstalled; its data is in the tables "
                + "rollback_notes_*. Do not install it before the data is restored."), failed.getMessage());
        assertFalse(fixture.features.calls.contains("installFeature gapura-notes/1.0.0 " + NO_REFRESH),
                "the old version is not installed over missing data: " + fixture.features.calls);
        assertEquals(3, fixture.count("\"rollback_notes_row\""), "the rows are kept in the copy");
    }

    @Test
    void copiesLeftByAnEarlierUpgradeStopItBeforeItStartsAndTheOldVersionServesAgain() throws Exception {
        fixture.sql("CREATE TABLE rollback_notes_row (id BIGINT)");

        ModuleOperationException failed = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.upgrade("notes", Optional.empty(), Uncovered.REFUSE, ACTOR, ""));

        assertTrue(failed.getMessage().startsWith("Upgrade of notes 1.0.0 -> 2.0.0 failed: Copies from an earlier "
                + "upgrade that did not finish are still in the database (rollback_notes_row)."), failed.getMessage());
        assertTrue(failed.getMessage().endsWith("The upgrade did not start; notes 1.0.0 is serving again."),
                failed.getMessage());
        assertEquals(List.of("uninstallFeature gapura-notes/1.0.0 " + NO_REFRESH,
                "installFeature gapura-notes/1.0.0 " + NO_REFRESH), fixture.features.calls, "2.0.0 is never installed");
        assertEquals(3, fixture.count("notes_row"));
    }

    @Test
    void refusesToGoBackOrToStayAndChangesNothing() throws Exception {
        fixture.whenStarted("notes", "2.0.0", () -> migrate("2", V1, V2));
        fixture.lifecycle.upgrade("notes", Optional.empty(), Uncovered.REFUSE, ACTOR, "");
        fixture.features.calls.clear();

        ModuleOperationException back = assertThrows(ModuleOperationException.class, () -> fixture.lifecycle
                .upgrade("notes", Optional.of(Version.parseVersion("1.0.0")), Uncovered.FORCE, ACTOR, ""));
        assertEquals("Module 'notes' is at version 2.0.0; going back to 1.0.0 is not possible, migrations only go "
                + "forward. Nothing was changed.", back.getMessage());
        ModuleOperationException newest = assertThrows(ModuleOperationException.class,
                () -> fixture.lifecycle.upgrade("notes", Optional.empty(), Uncovered.REFUSE, ACTOR, ""));
        assertEquals("Module 'notes' is already at version 2.0.0, the newest available (2.0.0, 1.0.0). Nothing was "
                + "changed.", newest.getMessage());
        assertEquals("karaf module.upgrade notes notes REFUSED " + newest.getMessage(), fixture.audit.last());
        assertEquals(List.of(), fixture.features.calls);
    }
}

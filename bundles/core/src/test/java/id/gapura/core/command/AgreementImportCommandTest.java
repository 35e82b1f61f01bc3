package id.gapura.core.command;

import id.gapura.api.AuditEntry;
import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.core.AgreementService;
import id.gapura.core.agreement.AgreementRefusedException;
import id.gapura.core.agreement.AgreementVerifier;
import id.gapura.core.agreement.ApplyPlan;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.agreement.StoredAgreement;
import id.gapura.core.agreement.TrustedKeys;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal of {@code agreement:import} is in the audit log with its reason: those the service finds (it audits
 * them itself) and those found before the file is read as an agreement (too large, unreadable), which the command
 * audits the same way.
 */
class AgreementImportCommandTest {

    @TempDir
    Path folder;

    private final List<AuditEntry> audited = new ArrayList<>();
    private final List<String> imported = new ArrayList<>();

    @Test
    void aFileTooLargeIsRefusedAndAuditedWithoutItsContent() throws Exception {
        Path file = folder.resolve("backup.tar");
        Files.writeString(file, "SECRET-CONTENT ".repeat(AgreementVerifier.MAX_DOCUMENT_CHARS / 15 + 2));

        CommandException refused = assertThrows(CommandException.class, () -> command("backup.tar", null).execute());

        assertTrue(refused.getMessage().startsWith("Refused: Too large: " + file + " has " + Files.size(file)
                + " bytes"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Nothing was stored."), refused.getMessage());
        assertEquals(List.of(), imported);
        assertEquals(1, audited.size());
        AuditEntry entry = audited.get(0);
        assertEquals("agreement.import", entry.action());
        assertEquals(AuditOutcome.REFUSED, entry.outcome());
        assertEquals("backup.tar", entry.subject());
        assertEquals(null, entry.module());
        assertTrue(entry.detail().startsWith("Too large: " + file + " has "), entry.detail());
        assertTrue(entry.detail().endsWith("Nothing was stored."), entry.detail());
        assertFalse(entry.detail().contains("SECRET"), entry.detail());
    }

    @Test
    void anUnreadableFileIsRefusedAndAudited() {
        CommandException refused = assertThrows(CommandException.class, () -> command("pks/missing.jws", null).execute());

        Path file = folder.resolve("pks/missing.jws");
        assertTrue(refused.getMessage().startsWith("Refused: Unreadable: cannot read " + file + " (NoSuchFileException)."),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("relative to the Gapura folder " + folder), refused.getMessage());
        assertEquals(List.of(), imported);
        assertEquals(1, audited.size());
        assertEquals("agreement.import", audited.get(0).action());
        assertEquals(AuditOutcome.REFUSED, audited.get(0).outcome());
        assertEquals("missing.jws", audited.get(0).subject());
        assertEquals("Unreadable: cannot read " + file + " (NoSuchFileException). Nothing was stored.",
                audited.get(0).detail());
    }

    @Test
    void aFolderIsRefusedAndAudited() throws Exception {
        Files.createDirectories(folder.resolve("pks"));
        assertThrows(CommandException.class, () -> command("pks", null).execute());
        assertEquals(1, audited.size());
        assertEquals(AuditOutcome.REFUSED, audited.get(0).outcome());
        assertTrue(audited.get(0).detail().startsWith("Unreadable: cannot read " + folder.resolve("pks")),
                audited.get(0).detail());
    }

    @Test
    void aRefusalOfTheServiceIsAuditedOnceByTheService() throws Exception {
        Files.writeString(folder.resolve("tampered.jws"), "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        String reason = "Invalid signature: it does not verify with trusted key '3671-2026'.";

        CommandException refused = assertThrows(CommandException.class, () -> command("tampered.jws", reason).execute());

        assertEquals("Refused: " + reason + " Nothing was stored.", refused.getMessage());
        assertEquals(List.of("tampered.jws"), imported);
        // the service records its own refusals (AgreementRegistry); the command adds no second entry
        assertEquals(List.of(), audited);
    }

    @Test
    void theRefusalStillReachesTheAdministratorWhenTheAuditLogIsDown() {
        AgreementImportCommand command = command("pks/missing.jws", null);
        command.audit = new AuditLog() {
            @Override
            public AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                                     String detail) {
                throw new IllegalStateException("database down");
            }
        };
        CommandException refused = assertThrows(CommandException.class, command::execute);
        assertTrue(refused.getMessage().startsWith("Refused: Unreadable: "), refused.getMessage());
    }

    /** The command with a service that refuses every document with {@code refusal} (or fails the test if null). */
    private AgreementImportCommand command(String file, String refusal) {
        AgreementImportCommand command = new AgreementImportCommand();
        command.file = file;
        command.audit = new AuditLog() {
            @Override
            public AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                                     String detail) {
                AuditEntry entry = new AuditEntry(audited.size() + 1, Instant.now(), actor, action, module, subject,
                        outcome, detail);
                audited.add(entry);
                return entry;
            }
        };
        command.agreements = new AgreementService() {
            @Override
            public ImportResult importDocument(String document, String source, String actor)
                    throws AgreementRefusedException {
                imported.add(source);
                if (refusal == null) {
                    throw new AssertionError("the document should not have reached the service");
                }
                throw new AgreementRefusedException(refusal);
            }

            @Override
            public List<StoredAgreement> agreements() {
                return List.of();
            }

            @Override
            public Optional<StoredAgreement> agreement(String number) {
                return Optional.empty();
            }

            @Override
            public Coverage coverage() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApplyPlan plan(boolean prune) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApplyReport apply(boolean prune, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TrustedKeys trustedKeys() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Jakarta");
            }

            @Override
            public LocalDate today() {
                return LocalDate.of(2026, 3, 2);
            }

            @Override
            public Path resolve(String path) {
                Path given = Path.of(path);
                return given.isAbsolute() ? given : folder.resolve(given).normalize();
            }
        };
        return command;
    }
}

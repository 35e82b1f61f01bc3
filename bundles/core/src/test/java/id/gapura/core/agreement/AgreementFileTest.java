package id.gapura.core.agreement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgreementFileTest {

    @TempDir
    Path folder;

    @Test
    void readsASignedAgreementFile() throws Exception {
        Path file = Files.writeString(folder.resolve("karawang.jws"), "eyJhbGciOiJSUzI1NiJ9.e30.c2ln\n");
        assertEquals("eyJhbGciOiJSUzI1NiJ9.e30.c2ln\n", AgreementFile.read(file));
    }

    @Test
    void aFileLargerThanAnAgreementIsRefusedWithoutReadingItAndWithoutEchoingIt() throws Exception {
        Path file = folder.resolve("backup.tar");
        Files.writeString(file, "SECRET-CONTENT ".repeat(AgreementVerifier.MAX_DOCUMENT_CHARS / 15 + 2),
                StandardCharsets.ISO_8859_1);
        String reason = assertThrows(AgreementRefusedException.class, () -> AgreementFile.read(file)).getMessage();
        assertEquals("Too large: " + file + " has " + Files.size(file) + " bytes; a signed agreement has at most "
                + AgreementVerifier.MAX_DOCUMENT_CHARS + ". Check that this is the right file.", reason);
        assertFalse(reason.contains("SECRET"), reason);
    }

    @Test
    void exactlyTheLimitIsRead() throws Exception {
        Path file = Files.writeString(folder.resolve("big.jws"), "a".repeat(AgreementVerifier.MAX_DOCUMENT_CHARS));
        assertEquals(AgreementVerifier.MAX_DOCUMENT_CHARS, AgreementFile.read(file).length());
    }

    @Test
    void aMissingFileIsRefusedAsUnreadable() {
        Path file = folder.resolve("pks/karawang.jws");
        String reason = assertThrows(AgreementRefusedException.class, () -> AgreementFile.read(file)).getMessage();
        assertEquals("Unreadable: cannot read " + file + " (NoSuchFileException).", reason);
    }

    @Test
    void aFolderIsRefusedAsUnreadable() {
        String reason = assertThrows(AgreementRefusedException.class, () -> AgreementFile.read(folder)).getMessage();
        assertTrue(reason.startsWith("Unreadable: cannot read " + folder + " ("), reason);
    }
}

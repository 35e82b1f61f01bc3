package id.gapura.core.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A signed agreement as a file the administrator named: its text, or a refusal before anything is read as an
 * agreement. Never reads more than an agreement can hold, and never puts the file's content in a reason.
 */
public final class AgreementFile {

    private AgreementFile() {
    }

    /**
     * The file's text, read as ISO-8859-1 (a compact JWS is ASCII; any other byte is refused by the verifier as
     * malformed, never by a decoding error).
     *
     * @throws AgreementRefusedException {@code Too large: ...} when the file is larger than
     *                                   {@link AgreementVerifier#MAX_DOCUMENT_CHARS}, {@code Unreadable: ...} when it
     *                                   cannot be read (missing, a folder, no permission); the reason names the path
     */
    public static String read(Path path) throws AgreementRefusedException {
        int max = AgreementVerifier.MAX_DOCUMENT_CHARS;
        try {
            long size = Files.size(path);
            if (size > max) {
                throw tooLarge(path, size);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                // bounded: a file that grew since its size was taken is not read whole
                bytes = in.readNBytes(max + 1);
            }
            if (bytes.length > max) {
                throw tooLarge(path, Files.size(path));
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AgreementRefusedException("Unreadable: cannot read " + path + " (" + e.getClass().getSimpleName()
                    + ").", e);
        }
    }

    private static AgreementRefusedException tooLarge(Path path, long size) {
        return new AgreementRefusedException("Too large: " + path + " has " + size + " bytes; a signed agreement has "
                + "at most " + AgreementVerifier.MAX_DOCUMENT_CHARS + ". Check that this is the right file.");
    }
}

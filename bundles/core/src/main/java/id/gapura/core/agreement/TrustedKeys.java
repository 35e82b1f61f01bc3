package id.gapura.core.agreement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The providers' public keys this region trusts, read from a folder ({@code etc/gapura/trusted-keys/} by
 * default) each time they are needed, so that adding or removing a key takes effect without a restart.
 * <p>
 * One key per file, named {@code <provider code>-<label>.pem}, e.g. {@code 3671-diskominfo-2026.pem}: a PEM
 * {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout} and {@code agreement:keygen}
 * write it), EC on P-256, P-384 or P-521, or RSA of at least 2048 bits. The file name without {@code .pem}
 * is the key id ({@code kid}) that signed agreements name, and its leading Kemendagri code is the provider the
 * key may sign for: a key of Kota Tangerang (3671) cannot sign an agreement in the name of another provider.
 * Files that break these rules are reported as problems and not trusted.
 */
public final class TrustedKeys {

    public static final String EXTENSION = ".pem";
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{2}|\\d{4})-[A-Za-z0-9._-]{1,100}");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final int MIN_RSA_BITS = 2048;

    private final Path folder;
    private final List<TrustedKey> keys;
    private final List<String> problems;

    private TrustedKeys(Path folder, List<TrustedKey> keys, List<String> problems) {
        this.folder = folder;
        this.keys = List.copyOf(keys);
        this.problems = List.copyOf(problems);
    }

    /**
     * A trusted public key.
     *
     * @param id           the key id: the file name without {@code .pem}
     * @param providerCode the Kemendagri code of the provider it signs for
     * @param key          the public key
     * @param file         where it was read from
     * @param thumbprint   its RFC 7638 JWK SHA-256 thumbprint (base64url), to compare with the provider's
     * @param description  algorithm and size, e.g. {@code EC P-256}
     */
    public record TrustedKey(String id, String providerCode, PublicKey key, Path file, String thumbprint,
                             String description) {
    }

    /** Reads every {@code *.pem} file of the folder; a missing folder means no trusted key. */
    public static TrustedKeys load(Path folder) {
        List<TrustedKey> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new TrustedKeys(folder, keys, problems);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(EXTENSION)).sorted().toList();
        } catch (IOException e) {
            problems.add("cannot list " + folder + ": " + e.getMessage());
            return new TrustedKeys(folder, keys, problems);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - EXTENSION.length());
            try {
                keys.add(read(file, id));
            } catch (IllegalArgumentException | IOException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return new TrustedKeys(folder, keys, problems);
    }

    /** Builds the set from keys already in memory (tests, tools). */
    public static TrustedKeys of(Path folder, List<TrustedKey> keys) {
        return new TrustedKeys(folder, keys, List.of());
    }

    private static TrustedKey read(Path file, String id) throws IOException {
        Matcher name = FILE_NAME.matcher(id);
        if (!name.matches()) {
            throw new IllegalArgumentException("the file name must be <provider code>-<label>.pem, "
                    + "e.g. 3671-diskominfo-2026.pem (the provider's Kemendagri code, then letters, digits, . _ -)");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        PublicKey key = publicKey(text);
        return trusted(id, name.group(1), key, file);
    }

    /** A trusted key from its id and public key, checking algorithm and size. */
    public static TrustedKey trusted(String id, String providerCode, PublicKey key, Path file) {
        String description;
        String thumbprint;
        try {
            if (key instanceof ECPublicKey ec) {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                if (curve == null || !List.of(Curve.P_256, Curve.P_384, Curve.P_521).contains(curve)) {
                    throw new IllegalArgumentException("an EC key must be on P-256, P-384 or P-521");
                }
                description = "EC " + curve.getName();
                thumbprint = new ECKey.Builder(curve, ec).build().computeThumbprint().toString();
            } else if (key instanceof RSAPublicKey rsa) {
                int bits = rsa.getModulus().bitLength();
                if (bits < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("an RSA key must have at least " + MIN_RSA_BITS
                            + " bits, this one has " + bits);
                }
                description = "RSA " + bits;
                thumbprint = new RSAKey.Builder(rsa).build().computeThumbprint().toString();
            } else {
                throw new IllegalArgumentException("only EC and RSA keys are accepted, not "
                        + key.getAlgorithm());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot compute the key's thumbprint: " + e.getMessage(), e);
        }
        return new TrustedKey(id, providerCode, key, file, thumbprint, description);
    }

    /** The public key of a PEM text holding exactly one {@code PUBLIC KEY} block. */
    public static PublicKey publicKey(String pem) {
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN PUBLIC KEY----- ...) found");
        }
        String type = block.group(1);
        if (type.contains("PRIVATE")) {
            throw new IllegalArgumentException("holds a PRIVATE key: delete it from this server now and ask the "
                    + "provider for its public key; a private key never leaves the provider");
        }
        if (!type.equals("PUBLIC KEY")) {
            throw new IllegalArgumentException("a '" + type + "' block is not accepted, only "
                    + "'PUBLIC KEY' (convert with: openssl pkey -pubin -in FILE -pubout)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block is not valid base64", e);
        }
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the PEM block is neither an EC nor an RSA public key");
    }

    /** Encodes a public key as a PEM {@code PUBLIC KEY} block. */
    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public Path folder() {
        return folder;
    }

    public List<TrustedKey> keys() {
        return keys;
    }

    /** Files in the folder that are not trusted, each with the reason. */
    public List<String> problems() {
        return problems;
    }

    public Optional<TrustedKey> byId(String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst();
    }
}

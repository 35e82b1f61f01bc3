package id.gapura.core.agreement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import id.gapura.core.agreement.TrustedKeys.TrustedKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider's side: creating a signing key pair and signing an agreement. Keys are standard PEM files
 * (PKCS#8 private key, X.509 public key), so the provider may equally use {@code openssl} and any JOSE library.
 * <p>
 * {@code <key id>.private.pem} stays with the provider (readable by its owner only); {@code <key id>.pem} is
 * given to each adopting region, which puts it into its trusted keys folder. The key id is
 * {@code <provider code>-<label>}, e.g. {@code 3671-diskominfo-2026}.
 */
public final class ProviderKeys {

    public static final String PRIVATE_EXTENSION = ".private.pem";
    private static final Pattern KEY_ID = Pattern.compile("(\\d{2}|\\d{4})-[A-Za-z0-9._-]{1,100}");
    private static final Pattern PRIVATE_PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END PRIVATE KEY-----");

    private ProviderKeys() {
    }

    public enum KeyType {
        /** ECDSA on P-256 with SHA-256: short keys and signatures, the recommended choice. */
        ES256,
        /** RSA 3072 with PKCS#1 v1.5 and SHA-256, for providers whose policy requires RSA. */
        RS256
    }

    /**
     * A key pair written to files.
     *
     * @param privateKeyFile the provider's secret
     * @param publicKeyFile  what the regions trust
     * @param trusted        the public key as a region will see it (id, thumbprint)
     */
    public record Created(Path privateKeyFile, Path publicKeyFile, TrustedKey trusted) {
    }

    /** Checks a key id: the provider's Kemendagri code (2 or 4 digits), a dash, a label. */
    public static String keyId(String providerCode, String label) {
        String id = AgreementFormat.normalizeRegionCode(providerCode) + "-" + label;
        if (!AgreementFormat.isRegionCode(providerCode) || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A key id is <provider code>-<label>: a Kemendagri code like 3671, "
                    + "then letters, digits, '.', '_' or '-' (e.g. 3671 and diskominfo-2026); got '" + id + "'");
        }
        return id;
    }

    /**
     * Creates a key pair and writes {@code <id>.private.pem} (owner-only permissions) and {@code <id>.pem}.
     *
     * @throws IOException when a file exists already (nothing is overwritten) or cannot be written
     */
    public static Created generate(String keyId, KeyType type, Path folder) throws IOException {
        Matcher id = KEY_ID.matcher(keyId);
        if (!id.matches()) {
            throw new IllegalArgumentException("Invalid key id '" + keyId + "': expected <provider code>-<label>");
        }
        Path privateFile = folder.resolve(keyId + PRIVATE_EXTENSION);
        Path publicFile = folder.resolve(keyId + TrustedKeys.EXTENSION);
        for (Path file : new Path[]{privateFile, publicFile}) {
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file + " exists already; nothing was overwritten. "
                        + "Choose another label (e.g. with the year) for a new key.");
            }
        }
        PrivateKey privateKey;
        PublicKey publicKey;
        try {
            if (type == KeyType.ES256) {
                ECKey key = new ECKeyGenerator(Curve.P_256).generate();
                privateKey = key.toPrivateKey();
                publicKey = key.toPublicKey();
            } else {
                RSAKey key = new RSAKeyGenerator(3072).generate();
                privateKey = key.toPrivateKey();
                publicKey = key.toPublicKey();
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a key pair: " + e.getMessage(), e);
        }
        Files.createDirectories(folder);
        writeSecret(privateFile, TrustedKeys.pem("PRIVATE KEY", privateKey.getEncoded()));
        Files.writeString(publicFile, TrustedKeys.pem(publicKey), StandardCharsets.US_ASCII);
        return new Created(privateFile, publicFile, TrustedKeys.trusted(keyId, id.group(1), publicKey, publicFile));
    }

    private static void writeSecret(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    /**
     * A private key read from a PEM file.
     *
     * @param keyId        the key id its file name gives, which the signed header names
     * @param providerCode the provider the key signs for: the key id's leading Kemendagri code
     */
    public record SigningKey(String keyId, String providerCode, PrivateKey key) {
    }

    /** Reads {@code <key id>.private.pem}, a PKCS#8 EC or RSA private key. */
    public static SigningKey readSigningKey(Path privateKeyFile) throws IOException {
        String name = privateKeyFile.getFileName().toString();
        if (!name.endsWith(PRIVATE_EXTENSION)) {
            throw new IllegalArgumentException("A signing key file is named <key id>" + PRIVATE_EXTENSION
                    + " (as agreement:keygen writes it), not " + name);
        }
        String keyId = name.substring(0, name.length() - PRIVATE_EXTENSION.length());
        Matcher id = KEY_ID.matcher(keyId);
        if (!id.matches()) {
            throw new IllegalArgumentException("The key id '" + keyId + "' of " + name
                    + " is not <provider code>-<label>, e.g. 3671-diskominfo-2026");
        }
        Matcher block = PRIVATE_PEM.matcher(Files.readString(privateKeyFile, StandardCharsets.US_ASCII));
        if (!block.find()) {
            throw new IllegalArgumentException(name + " holds no unencrypted PKCS#8 private key "
                    + "(-----BEGIN PRIVATE KEY-----); convert one with: openssl pkcs8 -topk8 -nocrypt -in OLD -out "
                    + name);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1)));
        for (String algorithm : new String[]{"EC", "RSA"}) {
            try {
                return new SigningKey(keyId, id.group(1), KeyFactory.getInstance(algorithm).generatePrivate(spec));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(name + " is neither an EC nor an RSA private key");
    }

    /**
     * Signs the agreement's JSON exactly as given, after checking that it is a well-formed agreement of the
     * key's provider: ES256 for an EC P-256 key (ES384/ES512 for P-384/P-521), RS256 for an RSA key. The header
     * names the key ({@code kid}) so that the region knows which trusted key to verify with.
     *
     * @return the compact JWS, the file to send to the region
     * @throws AgreementRefusedException when the JSON is not a valid agreement of this provider
     */
    public static String sign(String json, SigningKey key) throws AgreementRefusedException {
        Agreement agreement = AgreementFormat.parse(json);
        if (!agreement.provider().code().equals(key.providerCode())) {
            throw new AgreementRefusedException("Key '" + key.keyId() + "' signs for provider "
                    + key.providerCode() + ", but agreement " + agreement.number() + " names provider "
                    + agreement.provider() + ". Use the provider's own key.");
        }
        try {
            JWSSigner signer;
            JWSAlgorithm algorithm;
            if (key.key() instanceof ECPrivateKey ec) {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                algorithm = Curve.P_384.equals(curve) ? JWSAlgorithm.ES384
                        : Curve.P_521.equals(curve) ? JWSAlgorithm.ES512 : JWSAlgorithm.ES256;
                signer = new ECDSASigner(ec);
            } else {
                algorithm = JWSAlgorithm.RS256;
                signer = new RSASSASigner(key.key());
            }
            JWSObject jws = new JWSObject(new JWSHeader.Builder(algorithm).keyID(key.keyId()).build(),
                    new Payload(json.getBytes(StandardCharsets.UTF_8)));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign: " + e.getMessage(), e);
        }
    }
}

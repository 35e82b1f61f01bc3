package id.gapura.core.agreement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import id.gapura.core.agreement.Agreement.CoveredModule;
import id.gapura.core.agreement.TrustedKeys.TrustedKey;
import org.osgi.framework.Version;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a document is a cooperation agreement this region accepts. The document is a JWS (RFC 7515)
 * in compact serialization whose payload is the agreement's JSON ({@link AgreementFormat}), signed by a
 * provider key the region trusts ({@link TrustedKeys}) with ES256, ES384, ES512, RS256, RS384, RS512, PS256,
 * PS384 or PS512. The header's {@code kid}, when present, names the trusted key; without it every trusted key
 * is tried. Unsigned ({@code alg: none}), HMAC-signed and encrypted documents are refused.
 * <p>
 * Every refusal is an {@link AgreementRefusedException} whose message is the precise reason.
 */
public final class AgreementVerifier {

    public static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    /** A signed agreement of 100 modules with configuration stays far below this. */
    public static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    private AgreementVerifier() {
    }

    /**
     * An agreement whose signature verified with a trusted key of the provider it names.
     *
     * @param document the compact JWS exactly as received, kept so that it can be verified again and shown
     */
    public record Signed(Agreement agreement, TrustedKey key, String document) {
    }

    /**
     * An agreement that may be imported, with what the administrator should know about it.
     *
     * @param warnings things that do not prevent the import (not yet in force, no version in range)
     */
    public record Accepted(Signed signed, Agreement.Validity validity, List<String> warnings) {
        public Agreement agreement() {
            return signed.agreement();
        }
    }

    /**
     * What the import checks beyond the signature.
     *
     * @param catalog    the module ids this distribution has, with their available versions
     * @param regionCode this installation's region (Kemendagri code), when configured
     * @param today      today in the region's zone
     * @param zoneName   the region's zone, for messages
     */
    public record ImportRules(Map<String, List<Version>> catalog, Optional<String> regionCode, LocalDate today,
                              String zoneName) {
    }

    /** The signature, the trusted signer and the format: what makes a document an authentic agreement. */
    public static Signed verify(String document, TrustedKeys trusted) throws AgreementRefusedException {
        String compact = document == null ? "" : document.strip();
        if (compact.isEmpty()) {
            throw new AgreementRefusedException("The document is empty.");
        }
        if (compact.length() > MAX_DOCUMENT_CHARS) {
            throw new AgreementRefusedException("The document has " + compact.length() + " characters; a signed "
                    + "agreement has at most " + MAX_DOCUMENT_CHARS + ". Check that this is the right file.");
        }
        if (compact.startsWith("{")) {
            if (compact.contains("\"signature")) {
                throw new AgreementRefusedException("Not accepted: this is a JWS in JSON serialization; ask the "
                        + "provider for the compact form (header.payload.signature, three base64url parts).");
            }
            throw new AgreementRefusedException("Unsigned: the document is plain JSON. Only an agreement signed by "
                    + "its provider is accepted: the provider signs the JSON (agreement:sign) and sends the .jws file.");
        }
        JOSEObject object;
        try {
            object = JOSEObject.parse(compact);
        } catch (ParseException e) {
            throw new AgreementRefusedException("Not a signed agreement: expected a compact JWS "
                    + "(header.payload.signature, three base64url parts separated by dots): " + e.getMessage() + ".");
        }
        if (object instanceof PlainObject) {
            throw new AgreementRefusedException("Unsigned: the document's header says alg 'none'. Only an "
                    + "agreement signed by its provider is accepted.");
        }
        if (object instanceof JWEObject || !(object instanceof JWSObject jws)) {
            throw new AgreementRefusedException("Not accepted: the document is encrypted (JWE), not signed (JWS).");
        }
        JWSAlgorithm algorithm = jws.getHeader().getAlgorithm();
        if (!ACCEPTED_ALGORITHMS.contains(algorithm)) {
            throw new AgreementRefusedException("Not accepted: signed with " + algorithm + "; an agreement must be "
                    + "signed with the provider's private key using " + names(ACCEPTED_ALGORITHMS)
                    + " (ES256 recommended).");
        }
        Set<String> critical = jws.getHeader().getCriticalParams();
        if (critical != null && !critical.isEmpty()) {
            throw new AgreementRefusedException("Not accepted: the header marks parameters Gapura does not "
                    + "understand as critical (" + String.join(", ", critical) + ").");
        }
        TrustedKey signer = signer(jws, trusted);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(jws.getPayload().toBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new AgreementRefusedException("Malformed agreement: the signed content is not UTF-8 text.");
        }
        Agreement agreement = AgreementFormat.parse(json);
        if (!agreement.provider().code().equals(signer.providerCode())) {
            throw new AgreementRefusedException("Untrusted signer: key '" + signer.id() + "' is trusted to sign for "
                    + "provider " + signer.providerCode() + " only, but agreement " + agreement.number()
                    + " names provider " + agreement.provider() + ".");
        }
        return new Signed(agreement, signer, compact);
    }

    private static TrustedKey signer(JWSObject jws, TrustedKeys trusted) throws AgreementRefusedException {
        if (trusted.keys().isEmpty()) {
            throw new AgreementRefusedException("Untrusted signer: no provider key is trusted yet (" + trusted.folder()
                    + " has no valid key file" + (trusted.problems().isEmpty() ? "" : "; agreement:keys shows the "
                    + trusted.problems().size() + " rejected ones") + "). Put the provider's public key there "
                    + "after checking its thumbprint with the provider.");
        }
        String kid = jws.getHeader().getKeyID();
        if (kid != null) {
            TrustedKey key = trusted.byId(kid).orElseThrow(() -> new AgreementRefusedException(
                    "Untrusted signer: the agreement is signed with key '" + kid + "', which is not among the "
                            + "trusted keys in " + trusted.folder() + " (agreement:keys lists them). If the provider "
                            + "is your partner, put its public key there as " + kid + TrustedKeys.EXTENSION
                            + " after checking its thumbprint with the provider."));
            Optional<String> mismatch = algorithmMismatch(jws.getHeader().getAlgorithm(), key);
            if (mismatch.isPresent()) {
                throw new AgreementRefusedException("Invalid signature: " + mismatch.get() + ".");
            }
            if (!verifies(jws, key)) {
                throw new AgreementRefusedException("Invalid signature: it does not verify with trusted key '" + kid
                        + "'. The document was changed after it was signed, or signed with another key; ask the "
                        + "provider for the original file.");
            }
            return key;
        }
        for (TrustedKey key : trusted.keys()) {
            if (algorithmMismatch(jws.getHeader().getAlgorithm(), key).isEmpty() && verifies(jws, key)) {
                return key;
            }
        }
        throw new AgreementRefusedException("Invalid signature or untrusted signer: the signature verifies with none "
                + "of the " + trusted.keys().size() + " trusted keys in " + trusted.folder() + ". The document was "
                + "changed after it was signed, or its signer is not trusted here.");
    }

    private static Optional<String> algorithmMismatch(JWSAlgorithm algorithm, TrustedKey key) {
        boolean ec = key.key() instanceof ECPublicKey;
        boolean wantsEc = JWSAlgorithm.Family.EC.contains(algorithm);
        if (ec != wantsEc) {
            return Optional.of("signed with " + algorithm + ", but trusted key '" + key.id() + "' is "
                    + key.description());
        }
        return Optional.empty();
    }

    private static boolean verifies(JWSObject jws, TrustedKey key) {
        try {
            JWSVerifier verifier = key.key() instanceof ECPublicKey ec
                    ? new ECDSAVerifier(ec)
                    : new RSASSAVerifier((RSAPublicKey) key.key());
            return verifier.supportedJWSAlgorithms().contains(jws.getHeader().getAlgorithm()) && jws.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Everything an import checks: authentic ({@link #verify}), for this region, not expired, and covering only
     * modules this distribution has.
     */
    public static Accepted verifyForImport(String document, TrustedKeys trusted, ImportRules rules)
            throws AgreementRefusedException {
        Signed signed = verify(document, trusted);
        Agreement agreement = signed.agreement();
        if (rules.regionCode().isPresent() && !rules.regionCode().get().equals(agreement.region().code())) {
            throw new AgreementRefusedException("Not for this region: agreement " + agreement.number() + " is for "
                    + agreement.region() + ", and this installation is region " + rules.regionCode().get()
                    + " (region.code in etc/id.gapura.core.cfg).");
        }
        Agreement.Validity validity = agreement.validityOn(rules.today());
        if (validity == Agreement.Validity.EXPIRED) {
            throw new AgreementRefusedException("Expired: agreement " + agreement.number() + " was valid until "
                    + agreement.validUntil() + " (today is " + rules.today() + " in " + rules.zoneName()
                    + "). Ask " + agreement.provider().name() + " for a renewed agreement.");
        }
        List<String> unknown = agreement.modules().stream().map(CoveredModule::id)
                .filter(id -> !rules.catalog().containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new AgreementRefusedException("Unknown module" + (unknown.size() == 1 ? " '" : "s '")
                    + String.join("', '", unknown) + "': agreement " + agreement.number() + " covers "
                    + (unknown.size() == 1 ? "a module" : "modules") + " this distribution does not have (its "
                    + "catalog: " + String.join(", ", rules.catalog().keySet()) + "). Check the module ids with the "
                    + "provider, or upgrade Gapura to a version that has them.");
        }
        List<String> warnings = new ArrayList<>();
        if (validity == Agreement.Validity.NOT_YET_VALID) {
            warnings.add("Not yet in force: agreement " + agreement.number() + " is valid from "
                    + agreement.validFrom() + "; agreement:apply installs its modules from that day on.");
        }
        for (CoveredModule module : agreement.modules()) {
            Collection<Version> available = rules.catalog().get(module.id());
            if (available.stream().noneMatch(module::allows)) {
                warnings.add("No version of '" + module.id() + "' in this distribution is within " + module.versions()
                        + " (available: " + available.stream().map(Version::toString).collect(Collectors.joining(", "))
                        + "); agreement:apply cannot install it until one is.");
            }
        }
        return new Accepted(signed, validity, warnings);
    }

    private static String names(Collection<JWSAlgorithm> algorithms) {
        return algorithms.stream().map(JWSAlgorithm::getName).sorted().collect(Collectors.joining(", "));
    }
}

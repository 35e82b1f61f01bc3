package id.gapura.core.agreement;

import id.gapura.core.agreement.AgreementVerifier.Accepted;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.gapura.core.agreement.Documents.json;
import static id.gapura.core.agreement.Documents.rules;
import static id.gapura.core.agreement.Documents.sign;
import static id.gapura.core.agreement.Documents.trusting;
import static id.gapura.core.agreement.Documents.validJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgreementVerifierTest {

    private static final String KID = "3671-diskominfo-2026";
    private final KeyPair provider = Documents.ecKeyPair();
    private final TrustedKeys trusted = trusting(KID, provider);

    @Test
    void acceptsAnAgreementSignedByAnIndependentJoseLibraryWithATrustedKey() throws Exception {
        Accepted accepted = AgreementVerifier.verifyForImport(sign(validJson(), provider, KID), trusted, rules());

        Agreement agreement = accepted.agreement();
        assertEquals("180/PKS.12-Diskominfo/2026", agreement.number());
        assertEquals(Optional.of("119/MoU.03-Pem/2025"), agreement.mou());
        assertEquals(new Agreement.Party("Pemerintah Kota Tangerang", "3671"), agreement.provider());
        assertEquals("3215", agreement.region().code());
        assertEquals(Agreement.Validity.IN_FORCE, accepted.validity());
        assertEquals(List.of(), accepted.warnings());
        Agreement.CoveredModule complaints = agreement.module("complaints").orElseThrow();
        assertTrue(complaints.allows(Version.parseVersion("0.1.0.SNAPSHOT")));
        assertEquals(Map.of("zone", "Asia/Jakarta"), complaints.config());
        assertEquals(KID, accepted.signed().key().id());
    }

    @Test
    void acceptsRsaAndADocumentWithoutKeyId() throws Exception {
        KeyPair rsa = Documents.rsaKeyPair();
        Accepted accepted = AgreementVerifier.verifyForImport(sign(validJson(), rsa, null),
                trusting("3671-rsa", rsa), rules());
        assertEquals("3671-rsa", accepted.signed().key().id());
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = sign(validJson(), provider, KID).split("\\.");
        String changed = validJson().replace("complaints", "permits");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(tampered, "Invalid signature: it does not verify with trusted key '" + KID + "'. The document "
                + "was changed after it was signed, or signed with another key; ask the provider for the original file.");
    }

    @Test
    void refusesAWrongKey() {
        KeyPair impostor = Documents.ecKeyPair();
        assertRefused(sign(validJson(), impostor, KID), "Invalid signature: it does not verify with trusted key");
        assertRefused(sign(validJson(), impostor, null), "Invalid signature or untrusted signer: the signature "
                + "verifies with none of the 1 trusted keys in etc/gapura/trusted-keys.");
        assertRefused(sign(validJson(), impostor, "3671-other"), "Untrusted signer: the agreement is signed with "
                + "key '3671-other', which is not among the trusted keys in etc/gapura/trusted-keys");
        assertRefused(sign(validJson(), Documents.rsaKeyPair(), KID), "Invalid signature: signed with RS256, but "
                + "trusted key '" + KID + "' is EC P-256.");
    }

    @Test
    void refusesWhenNoKeyIsTrusted() {
        String reason = refusal(sign(validJson(), provider, KID), TrustedKeys.of(Documents.FOLDER, List.of()));
        assertTrue(reason.startsWith("Untrusted signer: no provider key is trusted yet"), reason);
    }

    @Test
    void refusesAKeyUsedForAnotherProvider() {
        KeyPair bandung = Documents.ecKeyPair();
        String reason = refusal(sign(validJson(), bandung, "3273-diskominfo"), trusting("3273-diskominfo", bandung));
        assertEquals("Untrusted signer: key '3273-diskominfo' is trusted to sign for provider 3273 only, but "
                + "agreement 180/PKS.12-Diskominfo/2026 names provider Pemerintah Kota Tangerang (3671).", reason);
    }

    @Test
    void refusesAnExpiredAgreement() {
        String expired = json("2024-01-01", "2026-03-01", "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\"}]");
        assertRefused(sign(expired, provider, KID), "Expired: agreement 180/PKS.12-Diskominfo/2026 was valid until "
                + "2026-03-01 (today is 2026-03-02 in Asia/Jakarta). Ask Pemerintah Kota Tangerang for a renewed agreement.");
    }

    @Test
    void acceptsAnAgreementNotYetValidWithAWarning() throws Exception {
        String later = json("2026-04-01", "2028-03-31", "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\"}]");
        Accepted accepted = AgreementVerifier.verifyForImport(sign(later, provider, KID), trusted, rules());
        assertEquals(Agreement.Validity.NOT_YET_VALID, accepted.validity());
        assertEquals(List.of("Not yet in force: agreement 180/PKS.12-Diskominfo/2026 is valid from 2026-04-01; "
                + "agreement:apply installs its modules from that day on."), accepted.warnings());
    }

    @Test
    void refusesMalformedJson() {
        assertRefused(sign("{\"number\": \"180/PKS\", ", provider, KID),
                "Malformed agreement: the signed content is not valid JSON (");
        assertRefused(sign(validJson().replace("\"signedOn\": \"2026-01-15\"", "\"signedOn\": \"15/01/2026\""),
                provider, KID), "Malformed agreement: 'signedOn' must be a date like 2026-01-31, not '15/01/2026'.");
        assertRefused(sign("[1, 2]", provider, KID), "Malformed agreement: the signed content must be a JSON object.");
    }

    @Test
    void refusesAnUnknownModuleId() {
        String unknown = json("2026-02-01", "2028-01-31", "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\"}, "
                + "{\"id\": \"ebudgeting\", \"versions\": \"[1,2)\"}]");
        assertRefused(sign(unknown, provider, KID), "Unknown module 'ebudgeting': agreement "
                + "180/PKS.12-Diskominfo/2026 covers a module this distribution does not have (its catalog: "
                + "complaints, permits).");
    }

    @Test
    void warnsWhenNoAvailableVersionIsInRange() throws Exception {
        String future = json("2026-02-01", "2028-01-31", "[{\"id\": \"permits\", \"versions\": \"[1,2)\"}]");
        Accepted accepted = AgreementVerifier.verifyForImport(sign(future, provider, KID), trusted, rules());
        assertEquals(List.of("No version of 'permits' in this distribution is within [1.0.0,2.0.0) (available: "
                + "0.2.0, 0.1.0); agreement:apply cannot install it until one is."), accepted.warnings());
    }

    @Test
    void refusesAnAgreementForAnotherRegion() {
        String bekasi = validJson().replace("\"code\": \"3215\"", "\"code\": \"3216\"");
        assertRefused(sign(bekasi, provider, KID), "Not for this region: agreement 180/PKS.12-Diskominfo/2026 is for "
                + "Pemerintah Kabupaten Karawang (3216), and this installation is region 3215");
    }

    @Test
    void refusesUnsignedDocuments() throws Exception {
        assertRefused(validJson(), "Unsigned: the document is plain JSON.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(validJson().getBytes());
        assertRefused(header + "." + payload + ".", "Unsigned: the document's header says alg 'none'.");
        assertRefused("", "The document is empty.");
        assertRefused("not a jws", "Not a signed agreement: expected a compact JWS");

        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(validJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKey(new HmacKey(new byte[32]));
        assertRefused(hmac.getCompactSerialization(), "Not accepted: signed with HS256;");
    }

    private void assertRefused(String document, String reasonStart) {
        String reason = refusal(document, trusted);
        assertTrue(reason.startsWith(reasonStart), () -> "expected '" + reasonStart + "...' but was: " + reason);
    }

    private static String refusal(String document, TrustedKeys keys) {
        return assertThrows(AgreementRefusedException.class,
                () -> AgreementVerifier.verifyForImport(document, keys, rules())).getMessage();
    }
}

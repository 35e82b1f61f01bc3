package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cooperation agreements decide what the region installs, on the assembled distribution: a signed agreement
 * (signed by jose4j with a key the test creates and the installation trusts) is imported, applied as desired
 * state, and audited; tampered, unsigned, untrusted and expired documents are refused and store nothing; a
 * module no agreement covers is refused unless forced; an expired agreement switches nothing off; the provider's
 * own console commands make and sign agreements the region accepts.
 */
class AgreementIT {

    static final String NUMBER = "180/PKS.12-Diskominfo/" + LocalDate.now().getYear();
    private static final String SERVICES = "/api/complaints/services";

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate today = LocalDate.now();
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.start();
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void agreementsDecideWhatTheRegionInstallsAndEveryActionIsAudited() throws Exception {
        // without an agreement: refused, unless forced; forced is recorded
        GapuraInstance.Shell refused = gapura.console("module:install complaints");
        assertNotEquals(0, refused.exitStatus());
        assertEquals(List.of("Module 'complaints' is not covered: no active cooperation agreement covers it. Import the "
                + "agreement that covers it and run agreement:apply, or install anyway with --force (recorded in the "
                + "audit log). Nothing was changed."), refused.lines());
        assertEquals(404, gapura.status(SERVICES));

        GapuraInstance.Shell forced = gapura.console("module:install --force complaints");
        assertEquals(0, forced.exitStatus(), forced.output());
        assertTrue(forced.output().contains("Forced: Module 'complaints' is not covered"), forced.output());
        assertEquals(200, gapura.status(SERVICES));
        GapuraInstance.Shell uncovered = gapura.console("module:list --no-format");
        assertTrue(uncovered.output().contains("Warning: complaints is installed but not covered"), uncovered.output());

        // --prune removes what no agreement covers; a dry run changes nothing
        GapuraInstance.Shell prunePlan = gapura.console("agreement:apply --dry-run --prune");
        assertEquals(0, prunePlan.exitStatus(), prunePlan.output());
        assertTrue(prunePlan.output().contains("uninstall complaints"), prunePlan.output());
        assertEquals(200, gapura.status(SERVICES), "a dry run must change nothing");
        GapuraInstance.Shell prune = gapura.console("agreement:apply --prune");
        assertEquals(0, prune.exitStatus(), prune.output());
        assertTrue(prune.output().contains("Done: uninstalled complaints"), prune.output());
        assertEquals(404, gapura.status(SERVICES));

        // documents that are refused, each with its reason, storing nothing
        TestProvider tangerang = TestProvider.tangerang().trustedBy(gapura);
        TestProvider impostor = TestProvider.tangerang();
        String valid = TestProvider.agreement(NUMBER, today.minusDays(30), today.minusDays(1), today.plusYears(2),
                "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\", \"config\": {\"zone\": \"Asia/Jakarta\"}}]");
        String signed = tangerang.sign(valid);
        assertRefused("unsigned.json", valid, "Refused: Unsigned: the document is plain JSON.");
        assertRefused("tampered.jws", tampered(signed, valid.replace("[0.1,1)", "[0,99)")),
                "Refused: Invalid signature: it does not verify with trusted key '" + tangerang.keyId + "'.");
        assertRefused("untrusted.jws", impostor.sign(valid), "Refused: Untrusted signer: the agreement is signed with "
                + "key '" + impostor.keyId + "', which is not among the trusted keys");
        assertRefused("expired.jws", tangerang.sign(TestProvider.agreement(NUMBER, today.minusYears(3),
                today.minusYears(3), today.minusDays(1), "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\"}]")),
                "Refused: Expired: agreement " + NUMBER + " was valid until " + today.minusDays(1));
        assertRefused("unknown.jws", tangerang.sign(valid.replace("\"complaints\"", "\"ebudget\"")),
                "Refused: Unknown module 'ebudget'");
        assertEquals(List.of("No agreement imported. agreement:import <file> imports a signed agreement (PKS)."),
                gapura.console("agreement:list").lines(), "a refused document stores nothing");

        // the valid one
        Path file = gapura.write("agreements/karawang.jws", signed);
        GapuraInstance.Shell imported = gapura.console("agreement:import agreements/karawang.jws");
        assertEquals(0, imported.exitStatus(), imported.output());
        assertTrue(imported.output().startsWith("Imported agreement " + NUMBER + ": Pemerintah Kota Tangerang (3671) "
                + "for Pemerintah Kabupaten Karawang (3215)"), imported.output());
        GapuraInstance.Shell again = gapura.console("agreement:import " + file);
        assertEquals(0, again.exitStatus(), again.output());
        assertTrue(again.output().startsWith("Already imported, nothing changed"), again.output());

        GapuraInstance.Shell list = gapura.console("agreement:list --no-format");
        assertTrue(list.output().matches("(?s).*" + NUMBER.replace(".", "\\.") + "\\s+Pemerintah Kota Tangerang \\(3671\\)"
                + "\\s+Pemerintah Kabupaten Karawang \\(3215\\).*\\s+active\\s+complaints.*"), list.output());
        GapuraInstance.Shell show = gapura.console("agreement:show " + NUMBER);
        assertEquals(0, show.exitStatus(), show.output());
        assertTrue(show.output().contains("trusted key " + tangerang.keyId), show.output());
        assertTrue(show.output().matches("(?s).*complaints\\s+\\|\\s+\\[0\\.1\\.0,1\\.0\\.0\\)\\s+\\|\\s+no\\s+\\|\\s+zone=Asia/Jakarta.*"),
                show.output());
        assertEquals(signed, gapura.console("agreement:show --document " + NUMBER).output().strip(),
                "the signed document is kept as imported");

        // apply: plan, then real, then again changes nothing
        GapuraInstance.Shell plan = gapura.console("agreement:apply --dry-run");
        assertEquals(0, plan.exitStatus(), plan.output());
        assertTrue(plan.output().contains("configure complaints: zone=Asia/Jakarta"), plan.output());
        assertTrue(plan.output().contains("install complaints 0.1.0"), plan.output());
        assertEquals(404, gapura.status(SERVICES), "a dry run must change nothing");
        GapuraInstance.Shell apply = gapura.console("agreement:apply");
        assertEquals(0, apply.exitStatus(), apply.output());
        assertTrue(apply.output().contains("Done: installed complaints 0.1.0"), apply.output());
        assertTrue(apply.output().contains("other bundles restarted or refreshed: 0"), apply.output());
        assertEquals(200, gapura.status(SERVICES), "the covered module serves");
        assertTrue(Files.readString(gapura.home.resolve("etc/id.gapura.complaints.cfg")).contains("zone = Asia/Jakarta"),
                "the agreement's configuration default is in etc/");
        GapuraInstance.Shell second = gapura.console("agreement:apply");
        assertEquals(0, second.exitStatus(), second.output());
        assertTrue(second.output().contains("Nothing to do: the installed modules match the active agreements."),
                second.output());
        assertTrue(gapura.console("module:list --no-format").output()
                .matches("(?s).*complaints\\s+Pengaduan Masyarakat.*installed\\s+" + NUMBER.replace(".", "\\.") + ".*"));

        assertAudited();

        // an agreement that expired meanwhile switches nothing off, and the lists warn
        gapura.stop();
        String expired = tangerang.sign(TestProvider.agreement(NUMBER, today.minusYears(3), today.minusYears(3),
                today.minusDays(1), "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\"}]"));
        storeAsIfImportedLongAgo(expired);
        gapura.start();
        // /api/health may say UP a moment before the whiteboard has rebuilt its server with every resource
        await("an expired agreement must not switch the module off").atMost(Duration.ofSeconds(30))
                .until(() -> gapura.status(SERVICES) == 200);
        GapuraInstance.Shell modules = gapura.console("module:list --no-format");
        assertTrue(modules.output().contains("none (" + NUMBER + " expired on " + today.minusDays(1) + ")"), modules.output());
        assertTrue(modules.output().contains("Warning: complaints is installed but not covered: it is listed only in "
                + "agreement " + NUMBER + ", which is expired on " + today.minusDays(1) + ". It keeps running"),
                modules.output());
        GapuraInstance.Shell agreements = gapura.console("agreement:list --no-format");
        assertTrue(agreements.output().contains("Warning: agreement " + NUMBER + " expired on " + today.minusDays(1)
                + ". complaints keeps running, but no active agreement covers it"), agreements.output());

        // the provider's side with Gapura's own console commands: key pair, signature, accepted by the region
        GapuraInstance.Shell keygen = gapura.console("agreement:keygen --provider 3671 console-test");
        assertEquals(0, keygen.exitStatus(), keygen.output());
        Files.copy(gapura.home.resolve("etc/gapura/signing/3671-console-test.pem"),
                gapura.home.resolve("etc/gapura/trusted-keys/3671-console-test.pem"));
        String renewal = "181/PKS.12-Diskominfo/" + today.getYear();
        gapura.write("agreements/renewal.json", TestProvider.agreement(renewal, today, today, today.plusYears(2),
                "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\"}]"));
        GapuraInstance.Shell sign = gapura.console("agreement:sign --key etc/gapura/signing/3671-console-test.private.pem "
                + "agreements/renewal.json");
        assertEquals(0, sign.exitStatus(), sign.output());
        GapuraInstance.Shell renewed = gapura.console("agreement:import agreements/renewal.jws");
        assertEquals(0, renewed.exitStatus(), renewed.output());
        assertTrue(renewed.output().contains("Signed with trusted key 3671-console-test."), renewed.output());
        assertTrue(gapura.console("module:list --no-format").output().contains(renewal));
    }

    private void assertRefused(String fileName, String content, String lineStart) throws Exception {
        Path file = gapura.write("agreements/" + fileName, content);
        GapuraInstance.Shell refused = gapura.console("agreement:import " + file);
        assertNotEquals(0, refused.exitStatus(), refused.output());
        assertEquals(1, refused.lines().size(), refused.output());
        assertTrue(refused.lines().get(0).startsWith(lineStart), refused.output());
        assertTrue(refused.lines().get(0).endsWith("Nothing was stored."), refused.output());
    }

    /** The same signature over a changed payload. */
    private static String tampered(String jws, String payload) {
        String[] parts = jws.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private void assertAudited() throws Exception {
        GapuraInstance.Shell audit = gapura.console("audit:list --no-format --module complaints");
        assertEquals(0, audit.exitStatus(), audit.output());
        List<String> actions = audit.lines();
        String text = audit.output();
        assertTrue(text.matches("(?s).*karaf\\s+module\\.install\\s+complaints\\s+complaints\\s+refused\\s+Module "
                + "'complaints' is not covered.*"), text);
        assertTrue(text.matches("(?s).*karaf\\s+module\\.install\\s+complaints\\s+complaints 0\\.1\\.0\\S*\\s+succeeded\\s+"
                + "serving after .*\\[forced with --force: Module 'complaints' is not covered.*"), text);
        assertTrue(text.matches("(?s).*karaf\\s+module\\.uninstall\\s+complaints\\s+complaints 0\\.1\\.0\\S*\\s+succeeded"
                + ".*\\[agreement:apply --prune: no active cooperation agreement covers it\\].*"), text);
        assertTrue(text.matches("(?s).*karaf\\s+module\\.install\\s+complaints\\s+complaints 0\\.1\\.0\\S*\\s+succeeded"
                + ".*\\[agreement:apply, agreement " + NUMBER.replace(".", "\\.") + "\\].*"), text);
        assertTrue(text.matches("(?s).*karaf\\s+module\\.configure\\s+complaints.*zone=Asia/Jakarta.*"), text);
        assertEquals(5, actions.size(), text);

        GapuraInstance.Shell all = gapura.console("audit:list --no-format --since " + today.minusDays(1));
        assertTrue(all.output().contains("agreement.import"), all.output());
        assertEquals(5, all.lines().stream().filter(line -> line.contains("agreement.import") && line.contains("refused"))
                .count(), all.output());

        HttpResponse<String> api = gapura.send("GET", "/api/audit?module=complaints&since=" + today.minusDays(1), null, "karaf", "karaf");
        assertEquals(200, api.statusCode(), api.body());
        JsonNode entries = json.readTree(api.body());
        assertEquals(actions.size(), entries.size(), api.body());
        JsonNode newest = entries.get(0);
        assertEquals("module.install", newest.get("action").asText());
        assertEquals("karaf", newest.get("actor").asText());
        assertEquals("succeeded", newest.get("outcome").asText());
        assertTrue(newest.get("at").asText().endsWith("+07:00"), newest.toString());
        HttpResponse<String> imports = gapura.send("GET", "/api/audit?limit=50", null, "karaf", "karaf");
        assertTrue(imports.body().contains("\"action\":\"agreement.import\""), imports.body());
        assertTrue(imports.body().contains("\"action\":\"agreement.apply\""), imports.body());
        assertEquals(422, gapura.send("GET", "/api/audit?since=yesterday", null, "karaf", "karaf").statusCode());
    }

    /** Stands for time passing: the stored agreement becomes one whose last day is past. */
    private void storeAsIfImportedLongAgo(String expiredDocument) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + gapura.home.resolve("db/gapura"), "sa", "");
             PreparedStatement update = db.prepareStatement("UPDATE gapura_agreement SET document = ?, "
                     + "valid_until = ? WHERE agreement_number = ?")) {
            update.setString(1, expiredDocument);
            update.setString(2, today.minusDays(1).toString());
            update.setString(3, NUMBER);
            assertEquals(1, update.executeUpdate());
        }
    }
}

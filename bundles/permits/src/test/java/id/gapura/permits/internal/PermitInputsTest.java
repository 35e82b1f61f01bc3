package id.gapura.permits.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.permits.rules.FeeRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What permits accepts, against its real tables: every field bounded by its column, refused with a 422 naming it. */
class PermitInputsTest {

    private static final String NIK = "3674011705900001";
    private final TestDatabase db = new TestDatabase();
    private final Caller frontOffice = new Caller("loket", true, "permits-frontoffice"::equals);

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> refusedFields(org.junit.jupiter.api.function.Executable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(422, problem.status(), problem.getMessage());
        return problem.errors().stream().map(FieldError::field).toList();
    }

    private static PermitTypes.Definition definition(String name, List<PermitType.Document> documents) {
        return new PermitTypes.Definition(name, "Uji", documents, List.of("verification"), 5, FeeRule.none(), null,
                false, null, "100/{seq:4}/{type}/{year}", true);
    }

    @Test
    void theFeeSimulationRefusesAHugeExponentAtOnce() {
        long started = System.nanoTime();
        List<String> fields = refusedFields(() -> db.types.simulate("REKLAME",
                Map.of("luas", new BigDecimal("1e1000000"), "durasi", 12, "lokasi", "protokol")));
        assertEquals(List.of("parameters.luas"), fields);
        assertTrue(System.nanoTime() - started < 1_000_000_000L);
    }

    @Test
    void aPermitTypesDocumentNameIsBoundedAndTextIsClean() {
        assertEquals(List.of("requiredDocuments[0].name"), refusedFields(() -> db.types.save("UJI",
                definition("Izin Uji", List.of(new PermitType.Document("ktp", "K".repeat(5000)))))));
        assertEquals(List.of("name"), refusedFields(() -> db.types.save("UJI",
                definition("Izin\u0000Uji", List.of(new PermitType.Document("ktp", "KTP"))))));
        assertEquals(List.of("requiredDocuments[0].name"), refusedFields(() -> db.types.save("UJI",
                definition("Izin Uji", List.of(new PermitType.Document("ktp", "KTP \u202Egnp.exe"))))));
    }

    private Applications.Filing filing(String name, String subject) {
        return new Applications.Filing("SKP", "new", null,
                new Applications.Applicant("person", NIK, name, "Jl. Merdeka 1", null, null), subject, null, Map.of(),
                List.of(), false);
    }

    @Test
    void applicantTextIsClean() {
        assertEquals(List.of("applicant.name", "subject"), refusedFields(() -> db.applications.file(
                filing("Budi\u0000", "Penelitian \u2066tesis"), "front_office", frontOffice)));
    }

    @Test
    void aNoteLongerThanItsColumnIsRefused() {
        String number = db.applications.file(filing("Budi", "Penelitian tesis"), "front_office", frontOffice)
                .registrationNumber();
        db.applications.step(number, new Applications.StepRequest("submit", null, null, null, null, null, null, null, null),
                frontOffice);
        assertEquals(List.of("note"), refusedFields(() -> db.applications.step(number, new Applications.StepRequest(
                "return_incomplete", "n".repeat(5000), null, null, null, null, null, null, null), frontOffice)));
    }

    @Test
    void trackingListsEveryMissingDocumentBeforeTheCheck() {
        String number = db.applications.file(filing("Budi", "Penelitian tesis"), "front_office", frontOffice)
                .registrationNumber();
        db.applications.step(number, new Applications.StepRequest("submit", null, null, null, null, null, null, null, null),
                frontOffice);
        assertEquals(List.of("ktp", "surat_pengantar", "proposal"), db.applications.tracking(number).missingDocuments());
    }

    @Test
    void aRefusedStepSaysWhichRoleIsMissingInPlainWords() {
        String number = db.applications.file(filing("Budi", "Penelitian tesis"), "front_office", frontOffice)
                .registrationNumber();
        ProblemException one = assertThrows(ProblemException.class, () -> db.applications.step(number,
                new Applications.StepRequest("sign", null, null, null, null, null, null, null, null),
                new Caller("bo", true, "permits-backoffice"::equals)));
        assertEquals(403, one.status());
        assertEquals("Step sign needs role permits-head; user bo does not have it. Ask the administrator to grant it.",
                one.detail());
        ProblemException two = assertThrows(ProblemException.class, () -> db.applications.step(number,
                new Applications.StepRequest("reject", null, null, null, null, null, null, null, null),
                new Caller("tech", true, "permits-technical"::equals)));
        assertEquals("Step reject needs role permits-backoffice or permits-head; user tech has neither. "
                + "Ask the administrator to grant one.", two.detail());
    }
}

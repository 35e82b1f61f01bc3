package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.complaints.internal.CatalogService.ServiceChange;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.HandlingTrack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogServiceTest {

    private final Fixture db = fixture();
    private final CatalogService catalog = new CatalogService(db.database());
    private final ReportService reports = db.reports();
    private final HandlingService handling = db.handling();
    private final Officer coordinator = new Officer("sari", Set.of(Officer.COORDINATOR), Optional.empty());

    Fixture fixture() {
        return Fixture.h2();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void agenciesAreCreatedRenamedAndListedByName() {
        CatalogService.Saved<AgencyEntity> created = catalog.putAgency("SATPOL-PP", "Satuan Polisi Pamong Praja", true, "admin");
        assertTrue(created.created());
        CatalogService.Saved<AgencyEntity> renamed = catalog.putAgency("SATPOL-PP", "  Satpol PP  ", true, "admin");
        assertFalse(renamed.created());
        assertEquals("Satpol PP", catalog.agency("SATPOL-PP").orElseThrow().name(), "stored trimmed");
        List<String> names = catalog.agencies().stream().map(AgencyEntity::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(9, names.size(), "8 from the migration and the new one");
    }

    @Test
    void invalidAgenciesAreRefusedFieldByField() {
        ProblemException invalid = assertProblem(422, () -> catalog.putAgency("dishub", " ", true, "admin"));
        assertEquals(List.of("code", "name"), fields(invalid));
        assertTrue(invalid.errors().get(0).message().contains("uppercase letters, digits and dashes"));
        assertProblem(422, () -> catalog.putAgency("X", "Satu huruf", true, "admin"));
        assertProblem(422, () -> catalog.putAgency("A".repeat(33), "Terlalu panjang", true, "admin"));
        assertProblem(422, () -> catalog.putAgency("A B", "Spasi", true, "admin"));
        assertProblem(422, () -> catalog.putAgency("OK", "x".repeat(201), true, "admin"));
        ProblemException sameName = assertProblem(422, () -> catalog.putAgency("DISHUB2", "dinas perhubungan", true, "admin"));
        assertEquals(List.of(new FieldError("name", "is already the name of agency DISHUB")), sameName.errors());
        assertTrue(catalog.agency("DISHUB2").isEmpty());
    }

    @Test
    void anAgencyInUseCannotBeDeactivatedAndTheRefusalSaysWhy() {
        ProblemException categories = assertProblem(409, () -> catalog.putAgency("DPUPR",
                "Dinas Pekerjaan Umum dan Penataan Ruang", false, "admin"));
        assertEquals("Agency DPUPR cannot be deactivated: 2 active categories use it (BANJIR, JLN-RUSAK). First move "
                + "those categories to another agency or deactivate them (complaints:service-set <code> --agency "
                + "<other> or --inactive). Nothing was changed.", categories.detail());
        assertTrue(catalog.agency("DPUPR").orElseThrow().active());

        catalog.putService("SAMPAH", change(null, null, null, null, false), false, "admin");
        ReportEntity report = dispositioned("PJU-MATI", "DLH");
        ProblemException reports = assertProblem(409, () -> catalog.putAgency("DLH", "Dinas Lingkungan Hidup", false, "admin"));
        assertEquals("Agency DLH cannot be deactivated: 1 report dispositioned to it is not closed yet ("
                + report.trackingNumber() + "). First have those reports answered and closed. Nothing was changed.",
                reports.detail());

        assertFalse(catalog.putAgency("DISKOMINFO", "Dinas Komunikasi dan Informatika", false, "admin").value().active(),
                "an agency nothing uses can be deactivated");
        assertTrue(catalog.putAgency("DISKOMINFO", "Dinas Komunikasi dan Informatika", true, "admin").value().active());
    }

    @Test
    void usageCountsCategoriesLiaisonsAndOpenDispositions() {
        dispositioned("PJU-MATI", "DISHUB");
        catalog.assignLiaison("budi", "DISHUB", "admin");
        Map<String, CatalogService.AgencyUsage> usage = catalog.agencyUsage();
        assertEquals(new CatalogService.AgencyUsage(1, 1, 1), usage.get("DISHUB"));
        assertEquals(new CatalogService.AgencyUsage(2, 0, 0), usage.get("DPUPR"));
        assertFalse(usage.containsKey("DINKES"));
    }

    @Test
    void aNewCategoryNeedsNameGroupAgencyAndTrack() {
        ProblemException missing = assertProblem(422, () -> catalog.putService("PARKIR", change(null, null, null, null, null),
                false, "admin"));
        assertEquals(List.of("name", "group", "track", "agency"), fields(missing));

        CatalogService.Saved<ServiceEntity> created = catalog.putService("PARKIR", new ServiceChange("Parkir liar",
                "Ketertiban", null, List.of("parkir", " liar ", "", "parkir"), "DISHUB", "investigation", null),
                false, "admin");
        assertTrue(created.created());
        ServiceEntity parkir = catalog.service("PARKIR").orElseThrow();
        assertEquals("parkir,liar", parkir.keywords(), "trimmed, blanks and duplicates dropped");
        assertEquals("", parkir.description());
        assertEquals(HandlingTrack.INVESTIGATION, parkir.track());
        assertTrue(parkir.active(), "active unless said otherwise");
        assertTrue(reports.activeService("PARKIR").isPresent(), "citizens can choose it at once");
    }

    @Test
    void theConsoleChangesOnlyWhatItIsGivenWhileAPutReplacesEverything() {
        catalog.putService("SAMPAH", new ServiceChange(null, null, null, null, "DISHUB", "field-check", null), false, "admin");
        ServiceEntity changed = catalog.service("SAMPAH").orElseThrow();
        assertEquals("Sampah tidak terangkut", changed.name(), "kept");
        assertEquals("sampah,tps,kebersihan", changed.keywords(), "kept");
        assertEquals("DISHUB", changed.agencyCode());
        assertEquals(HandlingTrack.FIELD_CHECK, changed.track());

        ProblemException incomplete = assertProblem(422, () -> catalog.putService("SAMPAH",
                new ServiceChange("Sampah", null, null, null, "DLH", null, null), true, "admin"));
        assertEquals(List.of("group", "track"), fields(incomplete));
        catalog.putService("SAMPAH", new ServiceChange("Sampah", "Lingkungan", null, null, "DLH", "simple", null), true, "admin");
        ServiceEntity replaced = catalog.service("SAMPAH").orElseThrow();
        assertEquals("", replaced.keywords(), "a PUT without keywords has none");
        assertEquals("", replaced.description());
    }

    @Test
    void aCategoryNeedsAnExistingAndActiveAgency() {
        ProblemException unknown = assertProblem(422, () -> catalog.putService("SAMPAH", change(null, "NOPE", null, null, null),
                false, "admin"));
        assertEquals(List.of(new FieldError("agency", "'NOPE' is not an agency code; complaints:agency-list shows them")),
                unknown.errors());
        catalog.putAgency("DINKES", "Dinas Kesehatan", false, "admin");
        ProblemException inactive = assertProblem(422, () -> catalog.putService("SAMPAH", change(null, "DINKES", null, null, null),
                false, "admin"));
        assertEquals("'DINKES' is an inactive agency; choose an active one", inactive.errors().get(0).message());
        ProblemException badTrack = assertProblem(422, () -> catalog.putService("SAMPAH", change(null, null, "fast", null, null),
                false, "admin"));
        assertEquals("'fast' is not one of simple, investigation, field_check", badTrack.errors().get(0).message());
        ProblemException comma = assertProblem(422, () -> catalog.putService("SAMPAH",
                change(null, null, null, List.of("a,b"), null), false, "admin"));
        assertEquals("keywords", comma.errors().get(0).field());
        assertEquals("DLH", catalog.service("SAMPAH").orElseThrow().agencyCode(), "nothing changed");
    }

    @Test
    void anInactiveCategoryIsHiddenFromCitizensButListedForOfficers() {
        catalog.putService("PELAYANAN", change(null, null, null, null, false), false, "admin");
        assertTrue(reports.activeServices().stream().noneMatch(s -> s.code().equals("PELAYANAN")));
        assertTrue(catalog.services().stream().anyMatch(s -> s.code().equals("PELAYANAN") && !s.active()));
        ProblemException refused = assertProblem(422, () -> reports.submit(new NewReport("PELAYANAN", null, "Antrian panjang",
                new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter(null, null, null, null, null, false, false), Map.of(), null, "api")));
        assertEquals("serviceCode", refused.errors().get(0).field());
    }

    @Test
    void liaisonsAreAssignedReassignedAndRemoved() {
        assertTrue(catalog.assignLiaison("budi", "DLH", "admin").created());
        assertEquals(Optional.of("DLH"), handling.officer("budi", Set.of(Officer.LIAISON)).liaisonAgency());
        assertFalse(catalog.assignLiaison("budi", "DISHUB", "admin").created());
        assertEquals(Optional.of("DISHUB"), handling.officer("budi", Set.of(Officer.LIAISON)).liaisonAgency());
        assertEquals(List.of("budi"), catalog.liaisons().stream().map(LiaisonEntity::username).toList());

        catalog.removeLiaison("budi", "admin");
        assertEquals(Optional.empty(), handling.officer("budi", Set.of(Officer.LIAISON)).liaisonAgency());
        ProblemException gone = assertProblem(404, () -> catalog.removeLiaison("budi", "admin"));
        assertTrue(gone.detail().contains("complaints:liaison-list"), gone.detail());
    }

    @Test
    void aLiaisonMustBeAUserOfTheRealmWhenTheRealmIsKnown() {
        catalog.users(name -> name.equals("budi"));
        ProblemException ghost = assertProblem(422, () -> catalog.assignLiaison("ghost", "DLH", "admin"));
        assertEquals(List.of("username"), fields(ghost));
        assertEquals("'ghost' is not a user; an administrator adds users with user:add", ghost.errors().get(0).message());
        assertTrue(catalog.assignLiaison("budi", "DLH", "admin").created());
        catalog.users(null);
        assertTrue(catalog.assignLiaison("siti", "DLH", "admin").created(), "without the realm, the name's form only");
    }

    @Test
    void aLiaisonsNameHasTheRealmsForm() {
        for (String bad : List.of("-x", "a\u202Eb", "a:b", "x".repeat(129), "../budi")) {
            assertEquals(List.of("username"), fields(assertProblem(422, () -> catalog.assignLiaison(bad, "DLH", "admin"))), bad);
        }
        assertTrue(assertProblem(422, () -> catalog.assignLiaison("x".repeat(10_000), "DLH", "admin"))
                .errors().get(0).message().length() < 200);
    }

    @Test
    void aLiaisonNeedsAValidNameAndAnActiveAgency() {
        assertEquals(List.of("username", "agency"), fields(assertProblem(422, () -> catalog.assignLiaison("bu di", " ", "admin"))));
        assertEquals("'NOPE' is not an agency code; complaints:agency-list shows them",
                assertProblem(422, () -> catalog.assignLiaison("budi", "NOPE", "admin")).errors().get(0).message());
        catalog.putAgency("DINKES", "Dinas Kesehatan", false, "admin");
        assertEquals("'DINKES' is not an active agency",
                assertProblem(422, () -> catalog.assignLiaison("budi", "DINKES", "admin")).errors().get(0).message());
        assertTrue(catalog.liaisons().isEmpty());
    }

    @Test
    void keywordsAreSplitAsThePublicListingSplitsThem() {
        assertEquals(List.of(), CatalogService.keywordList(""));
        assertEquals(List.of("jalan", "lubang"), CatalogService.keywordList("jalan, lubang,"));
        assertEquals(Optional.of(HandlingTrack.FIELD_CHECK), CatalogService.track("Field_Check"));
        assertEquals(Optional.empty(), CatalogService.track("quick"));
    }

    private ReportEntity dispositioned(String service, String agency) {
        ReportEntity report = reports.submit(new NewReport(service, null, "Lampu mati sejak seminggu",
                new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter(null, null, null, null, null, false, false), Map.of(), null, "api"));
        handling.act(report.trackingNumber(), coordinator, HandlingRequest.of(Action.VERIFY, null));
        return handling.act(report.trackingNumber(), coordinator,
                new HandlingRequest(Action.DISPOSITION, null, agency, "Tindak lanjuti", null, null, null));
    }

    private static ServiceChange change(String name, String agency, String track, List<String> keywords, Boolean active) {
        return new ServiceChange(name, null, null, keywords, agency, track, active);
    }

    private static List<String> fields(ProblemException problem) {
        return problem.errors().stream().map(FieldError::field).toList();
    }

    private static ProblemException assertProblem(int status, Executable action) {
        ProblemException problem = assertThrows(ProblemException.class, action);
        assertEquals(status, problem.status(), problem.getMessage());
        return problem;
    }
}

package id.gapura.complaints.rest;

import id.gapura.api.ProblemException;
import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.HandlingRequest;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.NewReport;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.StatsService;
import id.gapura.complaints.internal.TestDatabase;
import id.gapura.complaints.workflow.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each kind of officer gets from the overdue list, and that officers' endpoints need a user: the
 * resources called as the JAX-RS runtime calls them, with the SecurityContext the platform fills in.
 */
class OfficerScopeTest {

    private final TestDatabase db = new TestDatabase();
    private final CatalogService catalog = new CatalogService(db.database);
    private final HandlingService handling = db.handling();
    private final StatsResource resource = new StatsResource(new StatsService(db.database, db.calendar), handling);
    private String dishubReport;
    private String dlhReport;

    @BeforeEach
    void twoOverdueDispositions() {
        // January 2026: long past the deadlines, whatever today is when the test runs
        db.clock.set(Instant.parse("2026-01-05T03:00:00Z"));
        dishubReport = dispositioned("PJU-MATI", "DISHUB");
        dlhReport = dispositioned("SAMPAH", "DLH");
        catalog.assignLiaison("rina", "DISHUB", "admin");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLiaisonOfficerSeesOnlyTheirAgencysOverdueReports() {
        SecurityContext rina = user("rina", Officer.LIAISON);
        assertEquals(List.of(dishubReport), numbers(resource.overdue(null, 0, 100, rina)));
        assertEquals(List.of(dishubReport), numbers(resource.overdue("DLH", 0, 100, rina)),
                "asking for another agency does not widen what a liaison sees");
    }

    @Test
    void viewersCoordinatorsAndTheAdministratorSeeAllAndMayFilter() {
        for (SecurityContext officer : List.of(user("bupati", Officer.VIEWER), user("sari", Officer.COORDINATOR),
                user("karaf", "admin"))) {
            assertEquals(Set.of(dishubReport, dlhReport), Set.copyOf(numbers(resource.overdue(null, 0, 100, officer))));
            assertEquals(List.of(dlhReport), numbers(resource.overdue("DLH", 0, 100, officer)));
        }
    }

    @Test
    void aLiaisonWithoutAnAgencyIsToldHowToGetOne() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> resource.overdue(null, 0, 100, user("joko", Officer.LIAISON)));
        assertEquals(403, refused.status());
        assertTrue(refused.detail().contains("complaints:liaison-assign joko"), refused.detail());
    }

    @Test
    void officersEndpointsWithoutAUserAnswer401() {
        SecurityContext anonymous = user(null);
        assertEquals(401, assertThrows(ProblemException.class, () -> resource.overdue(null, 0, 100, anonymous)).status());
        assertEquals(401, assertThrows(ProblemException.class, () -> new AgenciesResource(catalog)
                .put("DISHUB", new AgenciesResource.AgencyBody("Dinas Perhubungan", true), anonymous)).status());
        assertEquals(401, assertThrows(ProblemException.class, () -> new LiaisonsResource(catalog)
                .remove("rina", anonymous)).status());
        assertEquals(Optional.of("DISHUB"), catalog.liaison("rina").map(l -> l.agencyCode()), "nothing changed");
    }

    @Test
    void theOverdueListChecksItsPaging() {
        ProblemException invalid = assertThrows(ProblemException.class,
                () -> resource.overdue(null, -1, 0, user("sari", Officer.COORDINATOR)));
        assertEquals(List.of("offset", "limit"), invalid.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void thePublicListingShowsActiveCategoriesWithTheirKeywords() {
        ServicesResource services = new ServicesResource(db.reports(), catalog);
        catalog.putService("PELAYANAN", new CatalogService.ServiceChange(null, null, null, null, null, null, false),
                false, "admin");
        catalog.putService("PARKIR", new CatalogService.ServiceChange("Parkir liar", "Ketertiban", null, null,
                "DISHUB", "simple", null), false, "admin");
        List<ServicesResource.Service> listed = services.services();
        assertTrue(listed.stream().noneMatch(s -> s.code().equals("PELAYANAN")));
        assertEquals(new ServicesResource.Service("PARKIR", "Parkir liar", "Ketertiban", "", List.of(), "DISHUB",
                "Dinas Perhubungan"), listed.stream().filter(s -> s.code().equals("PARKIR")).findFirst().orElseThrow());
        assertEquals(List.of("sampah", "tps", "kebersihan"),
                listed.stream().filter(s -> s.code().equals("SAMPAH")).findFirst().orElseThrow().keywords());
        assertTrue(services.all().stream().anyMatch(s -> s.code().equals("PELAYANAN") && !s.active()
                && s.track().equals("investigation")));
    }

    private String dispositioned(String service, String agency) {
        ReportService reports = db.reports();
        String number = reports.submit(new NewReport(service, null, "Mohon ditindaklanjuti",
                new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter(null, null, null, null, null, false, false), Map.of(), null, "api"))
                .trackingNumber();
        Officer coordinator = new Officer("sari", Set.of(Officer.COORDINATOR), Optional.empty());
        handling.act(number, coordinator, HandlingRequest.of(Action.VERIFY, null));
        handling.act(number, coordinator, new HandlingRequest(Action.DISPOSITION, null, agency, "Tindak lanjuti",
                null, null, null));
        return number;
    }

    private static List<String> numbers(List<StatsResource.Overdue> overdue) {
        return overdue.stream().map(StatsResource.Overdue::trackingNumber).toList();
    }

    private static SecurityContext user(String name, String... roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return name == null ? null : () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return name != null && List.of(roles).contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return name == null ? null : BASIC_AUTH;
            }
        };
    }
}

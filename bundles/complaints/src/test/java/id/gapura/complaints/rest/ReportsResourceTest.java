package id.gapura.complaints.rest;

import id.gapura.api.ProblemException;
import id.gapura.complaints.internal.HandlingRequest;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.PhotoService;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.TestDatabase;
import id.gapura.complaints.workflow.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen's endpoints as the JAX-RS runtime calls them: the receipt answers the reporter secret once, and
 * reopening and the reporter's photo need it in the {@code X-Reporter-Secret} header.
 */
class ReportsResourceTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    private final TestDatabase db = new TestDatabase();
    private final ReportService reports = db.reports();
    private final HandlingService handling = db.handling();
    private final PhotoService photos = new PhotoService(db.database, db.settings);
    private final ReportsResource resource = resource();
    private final Officer coordinator = new Officer("sari", Set.of(Officer.COORDINATOR), Optional.empty());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theReceiptCarriesTheReporterSecretAndThePublicViewDoesNot() {
        ReportsResource.Receipt receipt = submit("Sampah menumpuk");
        assertTrue(receipt.reporterSecret().matches("[A-Za-z0-9_-]{43}"), receipt.reporterSecret());
        String tracked = resource.track(receipt.trackingNumber()).toString();
        assertTrue(!tracked.contains(receipt.reporterSecret()), tracked);
    }

    @Test
    void thePhotoNeedsTheSecretOfTheReceipt() {
        ReportsResource.Receipt receipt = submit("Sampah menumpuk");
        String number = receipt.trackingNumber();
        ProblemException missing = assertForbidden(() -> resource.addPhoto(number, null, JPEG, uri()));
        assertTrue(missing.detail().contains("X-Reporter-Secret"), missing.detail());
        assertForbidden(() -> resource.addPhoto(number, submit("Lain").reporterSecret(), JPEG, uri()));
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.addPhoto("ADU-2026-00000000", receipt.reporterSecret(), JPEG, uri())).status());

        Response added = resource.addPhoto(number, receipt.reporterSecret(), JPEG, uri());
        assertEquals(201, added.getStatus());
    }

    @Test
    void reopeningNeedsTheSecretOfTheReceiptBeforeAnythingElse() {
        ReportsResource.Receipt receipt = submit("Sampah menumpuk");
        String number = receipt.trackingNumber();
        close(number);
        ReportsResource.Reopening reason = new ReportsResource.Reopening("Menumpuk lagi");
        assertForbidden(() -> resource.reopen(number, null, reason));
        assertForbidden(() -> resource.reopen(number, null, null));
        assertForbidden(() -> resource.reopen(number, "x".repeat(101), reason));
        assertForbidden(() -> resource.reopen(number, submit("Lain").reporterSecret(), reason));
        assertEquals("closed", resource.track(number).status());

        assertEquals("dispositioned", resource.reopen(number, receipt.reporterSecret(), reason).status());
    }

    @Test
    void aReportWithoutDescriptionShowsAnEmptyOneToOfficers() {
        ReportsResource.Receipt receipt = submit(null);
        assertEquals("", resource.track(receipt.trackingNumber()).description());
        ReportViews.Details details = resource.details(receipt.trackingNumber(), user("sari", Officer.COORDINATOR));
        assertEquals("", details.description());
    }

    private ReportsResource.Receipt submit(String description) {
        Response response = resource.submit(new ReportsResource.Submission("SAMPAH", null, description,
                "Jl. Kenari 5", null, null, "Ani", null, null, null, null, null));
        assertEquals(201, response.getStatus());
        return (ReportsResource.Receipt) response.getEntity();
    }

    private void close(String number) {
        handling.act(number, coordinator, HandlingRequest.of(Action.VERIFY, null));
        handling.act(number, coordinator, new HandlingRequest(Action.DISPOSITION, null, "DLH", "Angkut", null, null, null));
        Officer liaison = new Officer("budi", Set.of(Officer.LIAISON), Optional.of("DLH"));
        handling.act(number, liaison, HandlingRequest.of(Action.ANSWER, "Sudah diangkut"));
        handling.act(number, coordinator, HandlingRequest.of(Action.CLOSE, null));
    }

    private static ProblemException assertForbidden(Executable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(403, problem.status(), problem.detail());
        return problem;
    }

    /** The component with its references set as Declarative Services sets them (it injects fields). */
    private ReportsResource resource() {
        ReportsResource created = new ReportsResource();
        inject(created, "reports", reports);
        inject(created, "handling", handling);
        inject(created, "photos", photos);
        return created;
    }

    private static void inject(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UriInfo uri() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getBaseUriBuilder")) {
                        return UriBuilder.fromUri("http://gapura.example/api/complaints/");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SecurityContext user(String name, String... roles) {
        Set<String> granted = Set.of(roles);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return granted.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Basic";
            }
        };
    }
}

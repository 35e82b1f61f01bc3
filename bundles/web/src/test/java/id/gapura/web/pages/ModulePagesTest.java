package id.gapura.web.pages;

import id.gapura.api.ui.MenuEntry;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.Tile;
import id.gapura.api.ui.UiContribution;
import id.gapura.api.ui.View;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModulePagesTest {

    private final Bundle complaints = FolderBundle.of(7, Path.of("src/test/resources/module"), "complaints");
    private final ModulePages pages = new ModulePages();

    private final UiContribution ui = new UiContribution() {
        @Override
        public List<Tile> tiles() {
            return List.of(new Tile("/lapor", "page.title", "greeting", "pengaduan", null));
        }

        @Override
        public List<MenuEntry> menu() {
            return List.of(new MenuEntry("/kotak-masuk", "page.title", Set.of("complaints-coordinator")));
        }

        @Override
        public Optional<String> trackingPage(String number) {
            return number.startsWith("ADU-") ? Optional.of("/lacak?nomor=" + number) : Optional.empty();
        }
    };

    private final Page page = request -> View.notFound();

    @SuppressWarnings("unchecked")
    private static <T> ServiceReference<T> reference(Bundle bundle, Map<String, Object> properties) {
        return (ServiceReference<T>) Proxy.newProxyInstance(ModulePagesTest.class.getClassLoader(),
                new Class<?>[]{ServiceReference.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> properties.get((String) arguments[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aModulesTilesMenuAndPagesComeAndGoWithItsServices() {
        ServiceReference<UiContribution> uiReference = reference(complaints, Map.of());
        ServiceReference<Page> pageReference = reference(complaints,
                Map.of(Page.PATH, "/lapor", Page.AUDIENCE, Page.CITIZEN));
        pages.addContribution(ui, uiReference);
        pages.addPage(page, pageReference);

        assertEquals(1, pages.tiles().size());
        assertEquals("Halaman uji", pages.tiles().get(0).title(Languages.INDONESIAN));
        assertTrue(pages.route("complaints", Page.CITIZEN, "/lapor").isPresent());
        assertTrue(pages.route("complaints", Page.OFFICER, "/lapor").isEmpty(), "citizen page not in the office");
        assertEquals(Optional.of("/layanan/complaints/lacak?nomor=ADU-1"), pages.trackingPage("ADU-1"));
        assertEquals(1, pages.menu(new PageRequest.Officer("ani", Set.of("complaints-coordinator"))).size());
        assertEquals(0, pages.menu(new PageRequest.Officer("budi", Set.of("permits-officer"))).size());

        pages.removeContribution(ui, uiReference);
        pages.removePage(page, pageReference);
        assertEquals(0, pages.tiles().size());
        assertTrue(pages.route("complaints", Page.CITIZEN, "/lapor").isEmpty());
        assertTrue(pages.trackingPage("ADU-1").isEmpty());
    }

    @Test
    void servicesOfBundlesThatAreNoModuleAndPagesWithoutPathOrAudienceAreIgnored() {
        Bundle other = FolderBundle.of(8, Path.of("src/test/resources/module"), null);
        pages.addContribution(ui, reference(other, Map.of()));
        pages.addPage(page, reference(other, Map.of(Page.PATH, "/x", Page.AUDIENCE, Page.CITIZEN)));
        pages.addPage(page, reference(complaints, Map.of(Page.PATH, "no-slash", Page.AUDIENCE, Page.CITIZEN)));
        pages.addPage(page, reference(complaints, Map.of(Page.PATH, "/y", Page.AUDIENCE, "everyone")));
        assertEquals(0, pages.tiles().size());
        assertTrue(pages.route("complaints", Page.CITIZEN, "no-slash").isEmpty());
        assertTrue(pages.route("complaints", "everyone", "/y").isEmpty());
    }

    @Test
    void anOfficerPageAdmitsOnlyItsRoles() {
        pages.addPage(page, reference(complaints, Map.of(Page.PATH, "/kotak-masuk", Page.AUDIENCE, Page.OFFICER,
                Page.ROLES, new String[]{"complaints-coordinator", "complaints-viewer"})));
        ModulePages.Route route = pages.route("complaints", Page.OFFICER, "/kotak-masuk").orElseThrow();
        assertTrue(route.admits(new PageRequest.Officer("ani", Set.of("complaints-viewer"))));
        assertTrue(!route.admits(new PageRequest.Officer("budi", Set.of("complaints-liaison"))));
    }

    @Test
    void aBrokenContributionHidesOnlyItsOwnTiles() {
        pages.addContribution(new UiContribution() {
            @Override
            public List<Tile> tiles() {
                throw new IllegalStateException("database down");
            }
        }, reference(complaints, Map.of()));
        assertEquals(List.of(), pages.tiles());
    }
}

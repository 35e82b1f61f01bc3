package id.gapura.web.pages;

import id.gapura.api.ui.MenuEntry;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.Tile;
import id.gapura.api.ui.UiContribution;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installed modules' contributions to the pages, as their services come and go: nothing is reloaded when a
 * module arrives or leaves, the next request simply sees it or not. A service is the module's when its bundle
 * carries {@code Gapura-Module-Id}; others are ignored.
 */
@Component(service = ModulePages.class)
public class ModulePages {

    static final String MODULE_ID_HEADER = "Gapura-Module-Id";
    private static final Logger LOG = LoggerFactory.getLogger(ModulePages.class);

    /** A module's contribution with the bundle that ships its messages and templates. */
    record Contribution(String moduleId, UiContribution ui, ModuleUi files) {
    }

    /** A page with what the platform checks before it is called. */
    record Route(String moduleId, String audience, String path, Set<String> roles, Page page, ModuleUi files) {

        boolean admits(PageRequest.Officer officer) {
            return roles.isEmpty() || officer.hasAnyRole(roles);
        }
    }

    private record RouteKey(String moduleId, String audience, String path) {
    }

    private final Map<String, Contribution> contributions = new ConcurrentHashMap<>();
    private final Map<RouteKey, Route> routes = new ConcurrentHashMap<>();
    /** Files of a bundle by id and last modification, so that an updated bundle's new files are read. */
    private final Map<Long, ModuleUi> files = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addContribution(UiContribution ui, ServiceReference<UiContribution> reference) {
        moduleId(reference).ifPresent(id ->
                contributions.put(id, new Contribution(id, ui, files(reference.getBundle()))));
    }

    void removeContribution(UiContribution ui, ServiceReference<UiContribution> reference) {
        moduleId(reference).ifPresent(id -> contributions.computeIfPresent(id,
                (key, known) -> known.ui() == ui ? null : known));
        forgetFiles(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPage(Page page, ServiceReference<Page> reference) {
        Optional<String> id = moduleId(reference);
        if (id.isEmpty()) {
            return;
        }
        Object path = reference.getProperty(Page.PATH);
        Object audience = reference.getProperty(Page.AUDIENCE);
        if (!(path instanceof String p) || !p.startsWith("/")
                || !(Page.CITIZEN.equals(audience) || Page.OFFICER.equals(audience))) {
            LOG.warn("Module {}: a page service without a valid {} (a path starting with /) and {} ({} or {}) is "
                    + "ignored: {}", id.get(), Page.PATH, Page.AUDIENCE, Page.CITIZEN, Page.OFFICER, page);
            return;
        }
        Route route = new Route(id.get(), (String) audience, p, roles(reference.getProperty(Page.ROLES)), page,
                files(reference.getBundle()));
        routes.put(new RouteKey(id.get(), (String) audience, p), route);
    }

    void removePage(Page page, ServiceReference<Page> reference) {
        moduleId(reference).ifPresent(id -> {
            Object path = reference.getProperty(Page.PATH);
            Object audience = reference.getProperty(Page.AUDIENCE);
            routes.computeIfPresent(new RouteKey(id, String.valueOf(audience), String.valueOf(path)),
                    (key, known) -> known.page() == page ? null : known);
        });
        forgetFiles(reference);
    }

    /** The contributions, by module id. */
    Collection<Contribution> contributions() {
        return new TreeMap<>(contributions).values();
    }

    Optional<Contribution> contribution(String moduleId) {
        return Optional.ofNullable(contributions.get(moduleId));
    }

    Optional<Route> route(String moduleId, String audience, String path) {
        return Optional.ofNullable(routes.get(new RouteKey(moduleId, audience, path)));
    }

    /** Whether a module has any page (so that an unknown path of an installed module is told from a gone module). */
    boolean hasModule(String moduleId) {
        return contributions.containsKey(moduleId)
                || routes.keySet().stream().anyMatch(key -> key.moduleId().equals(moduleId));
    }

    /** The files of the bundle of a module that has pages, for its static files. */
    Optional<ModuleUi> files(String moduleId) {
        Contribution contribution = contributions.get(moduleId);
        if (contribution != null) {
            return Optional.of(contribution.files());
        }
        return routes.values().stream().filter(route -> route.moduleId().equals(moduleId)).findFirst()
                .map(Route::files);
    }

    /** Every module's tiles, with the module they belong to. */
    List<ModuleTile> tiles() {
        List<ModuleTile> tiles = new ArrayList<>();
        for (Contribution contribution : contributions()) {
            for (Tile tile : safeList(contribution, "tiles", contribution.ui()::tiles)) {
                tiles.add(new ModuleTile(contribution, tile));
            }
        }
        return tiles;
    }

    /** The menu entries an officer may see, by module. */
    List<ModuleMenuEntry> menu(PageRequest.Officer officer) {
        List<ModuleMenuEntry> entries = new ArrayList<>();
        for (Contribution contribution : contributions()) {
            for (MenuEntry entry : safeList(contribution, "menu", contribution.ui()::menu)) {
                if (officer.hasAnyRole(entry.roles())) {
                    entries.add(new ModuleMenuEntry(contribution, entry));
                }
            }
        }
        return entries;
    }

    /** The citizen page that tracks this number: {@code /layanan/<id>/...}; empty when no module issued it. */
    Optional<String> trackingPage(String number) {
        for (Contribution contribution : contributions()) {
            try {
                Optional<String> page = contribution.ui().trackingPage(number);
                if (page.isPresent() && page.get().startsWith("/")) {
                    return Optional.of(PagePaths.citizen(contribution.moduleId()) + page.get());
                }
            } catch (RuntimeException e) {
                LOG.warn("Module {} failed to tell whether it issued a tracking number: {}", contribution.moduleId(),
                        e.toString());
            }
        }
        return Optional.empty();
    }

    record ModuleTile(Contribution contribution, Tile tile) {

        String title(Locale locale) {
            return text(locale, tile.titleKey());
        }

        String text(Locale locale) {
            return text(locale, tile.textKey());
        }

        String keywords(Locale locale) {
            return tile.keywordsKey() == null ? "" : text(locale, tile.keywordsKey());
        }

        private String text(Locale locale, String key) {
            return contribution.files().message(locale, key).orElse(key);
        }
    }

    record ModuleMenuEntry(Contribution contribution, MenuEntry entry) {
    }

    private ModuleUi files(Bundle bundle) {
        return files.compute(bundle.getBundleId(), (id, known) ->
                known != null && known.modified() == bundle.getLastModified() ? known : new ModuleUi(bundle));
    }

    /** Forgets a bundle's files once none of its services is left. */
    private void forgetFiles(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        long id = bundle == null ? -1 : bundle.getBundleId();
        boolean used = contributions.values().stream().anyMatch(c -> c.files().bundle().getBundleId() == id)
                || routes.values().stream().anyMatch(r -> r.files().bundle().getBundleId() == id);
        if (!used) {
            files.remove(id);
        }
    }

    private static <T> List<T> safeList(Contribution contribution, String what,
                                        java.util.function.Supplier<List<T>> list) {
        try {
            List<T> items = list.get();
            return items == null ? List.of() : items;
        } catch (RuntimeException e) {
            LOG.warn("Module {} failed to list its {}: {}", contribution.moduleId(), what, e.toString());
            return List.of();
        }
    }

    private static Optional<String> moduleId(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return Optional.empty();
        }
        String id = bundle.getHeaders("").get(MODULE_ID_HEADER);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.strip());
    }

    private static Set<String> roles(Object property) {
        if (property instanceof String role) {
            return role.isBlank() ? Set.of() : Set.of(role.strip());
        }
        if (property instanceof String[] roles) {
            return Set.of(roles);
        }
        if (property instanceof Collection<?> roles) {
            return Set.copyOf(roles.stream().map(String::valueOf).toList());
        }
        return Set.of();
    }
}

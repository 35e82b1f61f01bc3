package id.gapura.web.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.web.internal.ClientLimits;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The region's pages: the citizen portal at {@code /} with a tile per installed module's service, the modules'
 * citizen pages below {@code /layanan/<id>/}, the officers' back office below {@code /kantor/}, and their static
 * files below {@code /aset/}. One servlet for all of them: a module's pages are services it registers
 * ({@link ModulePages}), so installing or removing one changes no servlet, filter or context.
 */
@Component(service = Servlet.class, configurationPid = PagesConfig.PID, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=gapura.pages",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME
                + "=" + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_ENABLED + "=true",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_MAXFILESIZE + ":Long=10485760",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_MAXREQUESTSIZE + ":Long=11534336"})
public class PagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PagesServlet.class);
    private static final int MAX_QUERY = 200;
    /** The platform's policy ({@code SecurityHeaders}) with the map's tile server allowed for images. */
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'; object-src 'none'";

    private final transient ModulePages modules;
    private final transient OfficerSessions sessions;
    private final transient ClientLimits limits;
    private final transient ModuleUi platform;
    private final transient Templates templates;
    private transient volatile Region region;
    private transient volatile MapSettings map;

    @Activate
    public PagesServlet(@Reference ModulePages modules, @Reference OfficerSessions sessions,
                        @Reference ClientLimits limits, BundleContext context, PagesConfig config) {
        this.modules = modules;
        this.sessions = sessions;
        this.limits = limits;
        this.platform = new ModuleUi(context.getBundle());
        this.templates = new Templates(platform);
        configure(config);
    }

    @Modified
    void configure(PagesConfig config) {
        region = Region.of(config, Path.of(System.getProperty("karaf.etc", "etc")));
        map = MapSettings.of(config);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD, POST");
            message(request, response, null, 405, "pages.method.title", "pages.method.text");
            return;
        }
        String path = path(request);
        try {
            if (path.startsWith(PagePaths.ASSETS)) {
                asset(path.substring(PagePaths.ASSETS.length()), response);
            } else if (path.equals("/") && !post) {
                portal(request, response, request.getParameter("q"));
            } else if (path.equals(PagePaths.SEARCH) && !post) {
                portal(request, response, request.getParameter("q"));
            } else if (path.equals(PagePaths.TRACK) && !post) {
                track(request, response);
            } else if (path.equals(PagePaths.LANGUAGE) && !post) {
                language(request, response);
            } else if (path.startsWith(PagePaths.CITIZEN)) {
                modulePage(request, response, Page.CITIZEN, path.substring(PagePaths.CITIZEN.length()), null);
            } else if (path.equals(PagePaths.OFFICE) || path.startsWith(PagePaths.OFFICE + "/")) {
                office(request, response, path.substring(PagePaths.OFFICE.length()));
            } else {
                notFound(request, response, null);
            }
        } catch (ServletPageRequest.TooLarge e) {
            message(request, response, null, 413, "pages.tooLarge.title", "pages.tooLarge.text");
        } catch (RuntimeException e) {
            // the platform's own fault: no page of ours can be trusted to render it, so plain text
            String incident = incident();
            LOG.error("Incident {}: {} {} failed", incident, method, path, e);
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(500);
                response.setContentType("text/plain; charset=UTF-8");
                response.getWriter().write("Internal error (incident " + incident + ").\n");
            }
        }
    }

    private static String incident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // --- the citizen portal ---

    private void portal(HttpServletRequest request, HttpServletResponse response, String query) throws IOException {
        Locale locale = Languages.of(request);
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        List<Map<String, Object>> tiles = new ArrayList<>();
        for (ModulePages.ModuleTile tile : modules.tiles()) {
            String title = tile.title(locale);
            String text = tile.text(locale);
            if (!matches(q, title + " " + text + " " + tile.keywords(locale))) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("href", PagePaths.citizen(tile.contribution().moduleId()) + tile.tile().page());
            view.put("title", title);
            view.put("text", text);
            view.put("icon", icon(tile.contribution().moduleId(), tile.tile().icon()));
            tiles.add(view);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tiles", tiles);
        model.put("query", q);
        model.put("searched", !q.isEmpty());
        platformPage(request, response, null, 200, "gapura/portal.ftlh", "pages.portal.title", model);
    }

    static boolean matches(String query, String text) {
        if (query.isEmpty()) {
            return true;
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String icon(String moduleId, String icon) {
        if (icon.endsWith(".svg") && StaticFiles.isSafeName(icon)) {
            return PagePaths.ASSETS + moduleId + "/" + icon;
        }
        String name = icon.matches("[a-z-]{1,40}") ? icon : "layanan";
        return PagePaths.PLATFORM_ASSETS + "ikon/" + name + ".svg";
    }

    private void track(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String number = request.getParameter("nomor");
        number = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty() || number.length() > 60) {
            redirect(response, "/#lacak");
            return;
        }
        Optional<String> page = modules.trackingPage(number);
        if (page.isPresent()) {
            redirect(response, page.get());
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", number);
        platformPage(request, response, null, 404, "gapura/track-unknown.ftlh", "pages.track.unknown.title", model);
    }

    private void language(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String code = "en".equals(request.getParameter("ke")) ? "en" : "id";
        response.addHeader("Set-Cookie", Cookies.header(Languages.COOKIE, code, "/", 365L * 24 * 3600,
                request.isSecure()));
        String back = request.getParameter("kembali");
        redirect(response, PagePaths.isLocal(back) ? back : "/");
    }

    private void asset(String rest, HttpServletResponse response) throws IOException {
        int slash = rest.indexOf('/');
        String owner = slash < 0 ? rest : rest.substring(0, slash);
        String name = slash < 0 ? "" : rest.substring(slash + 1);
        if ("gapura".equals(owner)) {
            Region current = region;
            if ("wilayah.css".equals(name)) {
                response.setContentType("text/css; charset=UTF-8");
                response.setHeader("Cache-Control", "public, max-age=300");
                response.getWriter().write(current.css());
                return;
            }
            if ("logo".equals(name) && current.hasLogo()) {
                response.setContentType(StaticFiles.type(current.logoName()));
                response.setHeader("Cache-Control", "public, max-age=300");
                Files.copy(current.logo(), response.getOutputStream());
                return;
            }
            StaticFiles.send(platform.staticFile(name), name, response);
            return;
        }
        StaticFiles.send(modules.files(owner).map(files -> files.staticFile(name)).orElse(null), name, response);
    }

    // --- the back office ---

    private void office(HttpServletRequest request, HttpServletResponse response, String rest) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        Optional<OfficerSessions.Session> session = sessions.find(Cookies.value(request, OfficerSessions.COOKIE));
        if (rest.equals("/masuk")) {
            if (post) {
                login(request, response);
            } else if (session.isPresent()) {
                redirect(response, back(request));
            } else {
                loginPage(request, response, 200, null);
            }
            return;
        }
        if (session.isEmpty()) {
            if (post) {
                message(request, response, null, 403, "pages.expired.title", "pages.expired.text");
            } else {
                String target = path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                redirect(response, PagePaths.LOGIN + "?kembali=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            }
            return;
        }
        if (post && !Csrf.valid(request, request.getParameter(Csrf.FIELD), session.get().secret())) {
            message(request, response, session.get(), 403, "pages.expired.title", "pages.expired.text");
            return;
        }
        if (rest.equals("/keluar")) {
            if (!post) {
                redirect(response, PagePaths.OFFICE + "/");
                return;
            }
            sessions.end(session.get().tokenId(), session.get().officer().name());
            response.addHeader("Set-Cookie", Cookies.header(OfficerSessions.COOKIE, "", PagePaths.OFFICE, 0,
                    request.isSecure()));
            redirect(response, PagePaths.LOGIN + "?keluar=1");
            return;
        }
        if (rest.isEmpty() || rest.equals("/")) {
            if (post) {
                message(request, response, session.get(), 405, "pages.method.title", "pages.method.text");
                return;
            }
            platformPage(request, response, session.get(), 200, "gapura/office-home.ftlh", "pages.office.title",
                    Map.of("entries", menu(session.get().officer(), Languages.of(request))));
            return;
        }
        modulePage(request, response, Page.OFFICER, rest.substring(1), session.get());
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Csrf.valid(request, request.getParameter(Csrf.FIELD), null)) {
            message(request, response, null, 403, "pages.expired.title", "pages.expired.text");
            return;
        }
        String user = bounded(request.getParameter("pengguna"), 100);
        String password = bounded(request.getParameter("sandi"), 200);
        List<FieldError> errors = new ArrayList<>();
        if (user.isEmpty()) {
            errors.add(new FieldError("pengguna", "pages.login.noUser"));
        }
        if (password.isEmpty()) {
            errors.add(new FieldError("sandi", "pages.login.noPassword"));
        }
        if (!errors.isEmpty()) {
            loginPage(request, response, 422, errors);
            return;
        }
        OfficerSessions.Login outcome = sessions.login(user, password,
                ClientLimits.clientKey(request.getRemoteAddr()));
        if (outcome instanceof OfficerSessions.Login.Accepted accepted) {
            response.addHeader("Set-Cookie", Cookies.header(OfficerSessions.COOKIE, accepted.secret(),
                    PagePaths.OFFICE, accepted.validity().toSeconds(), request.isSecure()));
            redirect(response, back(request));
        } else if (outcome instanceof OfficerSessions.Login.Wait wait) {
            response.setHeader("Retry-After", Long.toString(wait.seconds()));
            loginPage(request, response, 429, List.of(new FieldError("pengguna", "pages.login.wait")));
        } else if (outcome instanceof OfficerSessions.Login.Unavailable) {
            loginPage(request, response, 503, List.of(new FieldError("pengguna", "pages.login.unavailable")));
        } else {
            loginPage(request, response, 401, List.of(new FieldError("pengguna", "pages.login.wrong")));
        }
    }

    private void loginPage(HttpServletRequest request, HttpServletResponse response, int status,
                           List<FieldError> errors) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("back", back(request));
        model.put("user", bounded(request.getParameter("pengguna"), 100));
        model.put("loggedOut", request.getParameter("keluar") != null);
        if (errors != null) {
            model.put(View.ERRORS, errors);
        }
        platformPage(request, response, null, status, "gapura/login.ftlh", "pages.login.title", model);
    }

    private static String back(HttpServletRequest request) {
        String back = request.getParameter("kembali");
        return PagePaths.isLocal(back) && back.startsWith(PagePaths.OFFICE) ? back : PagePaths.OFFICE + "/";
    }

    // --- module pages ---

    private void modulePage(HttpServletRequest request, HttpServletResponse response, String audience, String rest,
                            OfficerSessions.Session session) throws IOException {
        int slash = rest.indexOf('/');
        String moduleId = slash < 0 ? rest : rest.substring(0, slash);
        String pagePath = slash < 0 ? "/" : rest.substring(slash);
        Optional<ModulePages.Route> found = modules.route(moduleId, audience, pagePath);
        if (found.isEmpty()) {
            notFound(request, response, session);
            return;
        }
        ModulePages.Route route = found.get();
        PageRequest.Officer officer = session == null ? null : session.officer();
        if (officer != null && !route.admits(officer)) {
            message(request, response, session, 403, "pages.forbidden.title", "pages.forbidden.text");
            return;
        }
        boolean post = "POST".equals(request.getMethod());
        if (post && session == null) {
            // a citizen's form costs what an anonymous API call does: the same budget per address
            long wait = limits.publicRequest(ClientLimits.clientKey(request.getRemoteAddr()));
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                message(request, response, null, 429, "pages.busy.title", "pages.busy.text");
                return;
            }
            if (!Csrf.valid(request, request.getParameter(Csrf.FIELD), null)) {
                message(request, response, null, 403, "pages.expired.title", "pages.expired.text");
                return;
            }
        }
        Locale locale = Languages.of(request);
        ServletPageRequest pageRequest = new ServletPageRequest(request, locale, officer, route.files());
        View view;
        try {
            view = post ? route.page().post(pageRequest) : route.page().get(pageRequest);
        } catch (ServletPageRequest.TooLarge e) {
            throw e;
        } catch (ProblemException e) {
            if (e.status() == 404) {
                notFound(request, response, session);
            } else if (e.status() == 403) {
                message(request, response, session, 403, "pages.forbidden.title", "pages.forbidden.text");
            } else {
                LOG.warn("Page {} {} of module {} refused a request it should have answered: {}", audience, pagePath,
                        moduleId, e.getMessage());
                message(request, response, session, e.status() >= 500 ? 503 : e.status(), "pages.refused.title",
                        "pages.refused.text");
            }
            return;
        } catch (RuntimeException e) {
            failed(request, response, session, "page " + audience + " " + pagePath + " of module " + moduleId, e);
            return;
        }
        answer(request, response, session, route.files(), view);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, OfficerSessions.Session session,
                        ModuleUi files, View view) throws IOException {
        switch (view.kind()) {
            case REDIRECT -> redirect(response, view.location());
            case NOT_FOUND -> notFound(request, response, session);
            case FORBIDDEN -> message(request, response, session, 403, "pages.forbidden.title", "pages.forbidden.text");
            case METHOD_NOT_ALLOWED -> {
                response.setHeader("Allow", "GET, HEAD");
                message(request, response, session, 405, "pages.method.title", "pages.method.text");
            }
            case DOWNLOAD -> {
                response.setStatus(200);
                response.setContentType(view.file().contentType());
                response.setHeader("Content-Disposition", "attachment; filename=\"" + view.location() + "\"");
                response.setHeader("Cache-Control", "no-store");
                response.setContentLength(view.file().content().length);
                response.getOutputStream().write(view.file().content());
            }
            case PAGE -> render(request, response, session, files, view.status(), view.template(), view.titleKey(),
                    view.model());
        }
    }

    // --- rendering ---

    private void platformPage(HttpServletRequest request, HttpServletResponse response,
                              OfficerSessions.Session session, int status, String template, String titleKey,
                              Map<String, ?> model) throws IOException {
        render(request, response, session, platform, status, template, titleKey, model);
    }

    private void message(HttpServletRequest request, HttpServletResponse response, OfficerSessions.Session session,
                         int status, String titleKey, String textKey) throws IOException {
        platformPage(request, response, session, status, "gapura/message.ftlh", titleKey, Map.of("textKey", textKey));
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, OfficerSessions.Session session)
            throws IOException {
        message(request, response, session, 404, "pages.notFound.title", "pages.notFound.text");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, OfficerSessions.Session session,
                        ModuleUi owner, int status, String template, String titleKey, Map<String, ?> model)
            throws IOException {
        Locale locale = Languages.of(request);
        String csrf = Csrf.token(request, response, session == null ? null : session.secret());
        Map<String, Object> data = new LinkedHashMap<>(model);
        data.put("csrf", csrf);
        data.put("officer", session == null ? null : session.officer());
        MapSettings currentMap = map;
        data.put("map", currentMap.model());
        String html;
        try {
            String body = templates.render(owner, template, data, locale);
            String title = owner.message(locale, titleKey).or(() -> platform.message(locale, titleKey))
                    .orElse(titleKey);
            Map<String, Object> layout = new LinkedHashMap<>();
            Region current = region;
            layout.put("regionName", current.name());
            layout.put("portalName", current.portalName());
            layout.put("hasLogo", current.hasLogo());
            layout.put("title", title);
            layout.put("body", Templates.markup(body));
            layout.put("csrf", csrf);
            layout.put("officer", session == null ? null : session.officer());
            layout.put("menu", session == null ? List.of() : menu(session.officer(), locale));
            layout.put("office", path(request).startsWith(PagePaths.OFFICE));
            layout.put("here", here(request));
            layout.put("errors", errors(owner, locale, data.get(View.ERRORS)));
            html = templates.render(platform, "gapura/layout.ftlh", layout, locale);
        } catch (Exception e) {
            if (owner == platform) {
                throw new IllegalStateException("The platform's own page " + template + " failed to render", e);
            }
            failed(request, response, session, "template " + template + " of bundle "
                    + owner.bundle().getSymbolicName(), e);
            return;
        }
        response.setStatus(status);
        if (currentMap.on() && html.contains("data-peta")) { // only a page with the map fetches its tiles
            response.setHeader("Content-Security-Policy", PAGE_POLICY.replace("img-src 'self'",
                    "img-src 'self' " + currentMap.tileOrigin()));
        }
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", Languages.code(locale));
        if (!"HEAD".equals(request.getMethod())) {
            response.getWriter().write(html);
        }
    }

    /** The form's errors with their messages in the visitor's language (a page may give keys or sentences). */
    private List<Map<String, String>> errors(ModuleUi owner, Locale locale, Object errors) {
        List<Map<String, String>> shown = new ArrayList<>();
        if (errors instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof FieldError error) {
                    String text = owner.message(locale, error.message())
                            .or(() -> platform.message(locale, error.message())).orElse(error.message());
                    shown.add(Map.of("field", error.field(), "message", text));
                }
            }
        }
        return shown;
    }

    private List<Map<String, String>> menu(PageRequest.Officer officer, Locale locale) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (ModulePages.ModuleMenuEntry entry : modules.menu(officer)) {
            String moduleId = entry.contribution().moduleId();
            entries.add(Map.of("href", PagePaths.office(moduleId) + entry.entry().page(),
                    "label", entry.contribution().files().message(locale, entry.entry().labelKey())
                            .orElse(entry.entry().labelKey())));
        }
        return entries;
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, OfficerSessions.Session session,
                        String what, Exception e) throws IOException {
        String incident = incident();
        LOG.error("Incident {}: {} failed on {} {}", incident, what, request.getMethod(), path(request), e);
        response.resetBuffer();
        platformPage(request, response, session, 500, "gapura/message.ftlh", "pages.failed.title",
                Map.of("textKey", "pages.failed.text", "incident", incident));
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /** The current page's path and query, for the language switch to come back to. */
    private static String here(HttpServletRequest request) {
        String query = request.getQueryString();
        String here = path(request) + (query == null || "POST".equals(request.getMethod()) ? "" : "?" + query);
        return PagePaths.isLocal(here) ? here : "/";
    }

    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + info;
        return path.isEmpty() ? "/" : path;
    }

    private static String bounded(String value, int max) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}

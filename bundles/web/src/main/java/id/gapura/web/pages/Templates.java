package id.gapura.web.pages;

import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.URLTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import org.osgi.framework.Bundle;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FreeMarker, set up once per bundle and kept while the bundle is unchanged: templates are parsed once, every value
 * is HTML-escaped ({@code .ftlh}), and a template can neither create Java objects nor reach the Java API of what it
 * is given. A module's templates find the platform's below {@code gapura/} (its layout macros and components).
 * <p>
 * Every template gets {@code t(key, args...)}, the message in the visitor's language (the module's, else the
 * platform's), and {@code href(url)}, which keeps only http(s) and site paths and turns anything else
 * ({@code javascript:}...) into {@code #}.
 */
final class Templates {

    static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    private final ModuleUi platform;
    private final Map<Long, Entry> byBundle = new ConcurrentHashMap<>();

    private record Entry(long modified, Configuration configuration) {
    }

    Templates(ModuleUi platform) {
        this.platform = platform;
    }

    /** Renders a template of {@code owner} (a module, or the platform itself) with this model. */
    String render(ModuleUi owner, String template, Map<String, ?> model, Locale locale)
            throws IOException, TemplateException {
        Template compiled = configuration(owner).getTemplate(template, locale, "UTF-8");
        Map<String, Object> data = new HashMap<>(model);
        data.put("t", new Message(owner, platform, locale));
        data.put("href", (TemplateMethodModelEx) arguments -> safeHref(argument(arguments, 0)));
        data.put("lang", Languages.code(locale));
        StringWriter out = new StringWriter();
        compiled.process(data, out);
        return out.toString();
    }

    /** Markup that a layout prints as it is (the module's page, already escaped by its own template). */
    static TemplateHTMLOutputModel markup(String html) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    }

    /** Forgets a bundle's set-up, when it leaves. */
    void forget(long bundleId) {
        byBundle.remove(bundleId);
    }

    static String safeHref(String url) {
        if (url == null) {
            return "#";
        }
        String value = url.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || PagePaths.isLocal(value)) {
            return value;
        }
        return "#";
    }

    private Configuration configuration(ModuleUi owner) {
        Bundle bundle = owner.bundle();
        Entry known = byBundle.get(bundle.getBundleId());
        if (known != null && known.modified() == owner.modified()) {
            return known.configuration();
        }
        Entry created = new Entry(owner.modified(), create(owner));
        byBundle.put(bundle.getBundleId(), created);
        return created.configuration();
    }

    private Configuration create(ModuleUi owner) {
        Configuration configuration = new Configuration(VERSION);
        TemplateLoader own = new BundleTemplates(owner.bundle());
        configuration.setTemplateLoader(owner == platform ? own
                : new MultiTemplateLoader(new TemplateLoader[]{own, new BundleTemplates(platform.bundle())}));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocalizedLookup(false);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE); // a bundle's files change only with it
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(VERSION).build());
        configuration.setNumberFormat("computer");
        configuration.setURLEscapingCharset("UTF-8");
        return configuration;
    }

    private static String argument(List<?> arguments, int index) throws TemplateModelException {
        if (arguments.size() <= index) {
            return null;
        }
        Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(index));
        return value == null ? null : value.toString();
    }

    /** {@code t(key, args...)}: the owner's message, else the platform's, else the key itself (visible, not fatal). */
    private record Message(ModuleUi owner, ModuleUi platform, Locale locale) implements TemplateMethodModelEx {

        @Override
        public Object exec(List arguments) throws TemplateModelException {
            String key = argument(arguments, 0);
            if (key == null) {
                throw new TemplateModelException("t() needs a message key");
            }
            Object[] values = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                values[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(i));
            }
            return owner.message(locale, key, values)
                    .or(() -> platform.message(locale, key, values))
                    .orElse(key);
        }
    }

    /** Templates below a bundle's {@code ui/templates/}, from its own entries. */
    private static final class BundleTemplates extends URLTemplateLoader {

        private final Bundle bundle;

        BundleTemplates(Bundle bundle) {
            this.bundle = bundle;
        }

        @Override
        protected URL getURL(String name) {
            return StaticFiles.isSafeName(name) ? bundle.getEntry(ModuleUi.TEMPLATES + name) : null;
        }
    }
}

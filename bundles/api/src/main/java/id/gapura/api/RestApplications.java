package id.gapura.api;

/**
 * How a module puts its REST resources on the platform's plumbing (JSON, the problem+json error format, access
 * rules, request limits).
 * <p>
 * The platform gives every module its own JAX-RS application, at the module's API path ({@code Gapura-Module-Api},
 * e.g. {@code /api/complaints}) and named {@code gapura.<id>}; it is there while the module's bundle is started.
 * A module's resources select it and use paths relative to it, and require the platform's JSON support:
 * <pre>
 * &#64;JaxrsResource
 * &#64;JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.complaints)")
 * &#64;JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
 * &#64;Path("reports")
 * </pre>
 * Each application has its own CXF server: installing, upgrading or uninstalling one module rebuilds its own
 * application only, never another module's nor the platform's ({@link #PLATFORM} at {@code /api}). A module that
 * also serves a path fixed by a standard (complaints' Open311 at {@code /open311/v2}) registers a second
 * {@code javax.ws.rs.core.Application} service with {@link #GAPURA_APPLICATION} set; the platform's extensions
 * apply to it as well.
 */
public final class RestApplications {

    /** The filter for {@code osgi.jaxrs.extension.select}: deploy only once the platform's JSON support is up. */
    public static final String REQUIRES_JSON = "(osgi.jaxrs.name=gapura.json)";

    /** The service property that marks a JAX-RS application as Gapura's: the platform's extensions apply to it. */
    public static final String GAPURA_APPLICATION = "gapura.application";

    /** The {@code osgi.jaxrs.name} of the platform's own application at {@code /api} (health, modules, audit). */
    public static final String PLATFORM = "gapura.platform";

    private RestApplications() {
    }

    /** The {@code osgi.jaxrs.name} of a module's application, e.g. {@code gapura.complaints}. */
    public static String applicationName(String moduleId) {
        return "gapura." + moduleId;
    }
}

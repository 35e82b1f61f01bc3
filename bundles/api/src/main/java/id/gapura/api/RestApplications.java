package id.gapura.api;

/**
 * How a module puts its REST resources on the platform's plumbing (JSON, the problem+json error format,
 * request limits). A module's resources are JAX-RS whiteboard resources ({@code @JaxrsResource}) in the
 * whiteboard's default application, with their full path under the module's API path
 * ({@code @Path("/api/complaints/reports")}), and they require the platform's JSON support with
 * {@code @JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)}.
 * <p>
 * Why not one JAX-RS application per module: with Aries JAX-RS Whiteboard 2.0.2 on CXF 3.5.6 every
 * application's endpoint is published at "/" on one destination registry, so a second application
 * displaces the first.
 */
public final class RestApplications {

    /** The filter for {@code osgi.jaxrs.extension.select}: deploy only once the platform's JSON support is up. */
    public static final String REQUIRES_JSON = "(osgi.jaxrs.name=gapura.json)";

    private RestApplications() {
    }
}

package id.gapura.web.internal;

/**
 * Where the platform's JAX-RS extensions apply: the whiteboard's default application, which holds the
 * platform's and every module's resources and answers every path no module serves.
 */
final class ExtensionProperties {

    static final String GAPURA_APPLICATIONS = "(osgi.jaxrs.name=.default)";

    private ExtensionProperties() {
    }
}

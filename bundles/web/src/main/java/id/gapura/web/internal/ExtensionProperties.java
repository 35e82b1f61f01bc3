package id.gapura.web.internal;

import id.gapura.api.RestApplications;

/**
 * Where the platform's JAX-RS extensions apply: the whiteboard's default application (the platform's own
 * resources, and the answer for every path no module serves) and every Gapura application (one per module).
 */
final class ExtensionProperties {

    static final String GAPURA_APPLICATIONS =
            "(|(osgi.jaxrs.name=.default)(" + RestApplications.GAPURA_APPLICATION + "=true))";

    private ExtensionProperties() {
    }
}

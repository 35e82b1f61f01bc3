package id.gapura.core.internal.lifecycle;

import id.gapura.api.spi.ModuleDescriptor;
import org.apache.karaf.features.Feature;
import org.osgi.framework.Version;

/** One version of a module as the features service knows it: its descriptor, its feature, whether installed. */
record CatalogEntry(ModuleDescriptor descriptor, Feature feature, boolean installed) {

    String id() {
        return descriptor.id();
    }

    String featureId() {
        return feature.getName() + "/" + feature.getVersion();
    }

    Version version() {
        return Version.parseVersion(descriptor.version());
    }

    String label() {
        return descriptor.id() + " " + descriptor.version();
    }

    /** The installed version wins; otherwise the newest. */
    static CatalogEntry preferred(CatalogEntry a, CatalogEntry b) {
        if (a.installed() != b.installed()) {
            return a.installed() ? a : b;
        }
        return a.version().compareTo(b.version()) >= 0 ? a : b;
    }
}

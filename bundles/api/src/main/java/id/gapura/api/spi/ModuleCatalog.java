package id.gapura.api.spi;

import id.gapura.api.Health;
import java.util.List;

/** Read access to the module catalog for the platform's REST and health endpoints. */
@org.osgi.annotation.versioning.ProviderType
public interface ModuleCatalog {

    /** Every module of the catalog, sorted by id. */
    List<ModuleStatus> modules();

    /** Whether the platform itself (its database) can serve. */
    Health platformHealth();
}

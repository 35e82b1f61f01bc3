package id.gapura.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's tables are migrated: the platform registers this service, with {@code gapura.module.id=<id>}, once it
 * has run the migrations the module's bundle ships under {@code db/<id>/}. It does so off the component runtime's
 * thread when the bundle starts, before anything of the module may use its tables. A module's components that use
 * its tables reference it:
 * <pre>
 * &#64;Reference(target = "(gapura.module.id=complaints)") ModuleSchema schema
 * </pre>
 * When a migration fails, the service is not registered: the module does not serve, and the platform reports the
 * failed migration and the database's reason in one line ({@code module:info}, {@code module:install}).
 */
@ProviderType
public interface ModuleSchema {

    /** The service property naming the module, as {@link GapuraModule} services carry it too. */
    String MODULE_ID = "gapura.module.id";

    String moduleId();

    /** The schema version after the migrations, e.g. {@code 5}. */
    String version();
}

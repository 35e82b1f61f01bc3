package id.gapura.permits.internal;

import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the platform the permits module is up, once its tables are migrated. */
@Component(service = GapuraModule.class, immediate = true, property = GapuraModule.ID_PROPERTY + "=permits")
public class PermitsModule implements GapuraModule {

    private final PermitsDatabase database;

    @Activate
    public PermitsModule(@Reference PermitsDatabase database) {
        this.database = database;
    }

    @Override
    public String id() {
        return "permits";
    }

    @Override
    public Health health() {
        return database.health();
    }
}

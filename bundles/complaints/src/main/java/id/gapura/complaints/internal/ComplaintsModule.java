package id.gapura.complaints.internal;

import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the platform the complaints module is up, once its tables are migrated. */
@Component(service = GapuraModule.class, immediate = true, property = GapuraModule.ID_PROPERTY + "=complaints")
public class ComplaintsModule implements GapuraModule {

    private final ComplaintsDatabase database;

    @Activate
    public ComplaintsModule(@Reference ComplaintsDatabase database) {
        this.database = database;
    }

    @Override
    public String id() {
        return "complaints";
    }

    @Override
    public Health health() {
        return database.health();
    }
}

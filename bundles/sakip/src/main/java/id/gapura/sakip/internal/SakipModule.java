package id.gapura.sakip.internal;

import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the platform the SAKIP module is up, once its tables are migrated. */
@Component(service = GapuraModule.class, immediate = true, property = GapuraModule.ID_PROPERTY + "=sakip")
public class SakipModule implements GapuraModule {

    private final SakipDatabase database;

    @Activate
    public SakipModule(@Reference SakipDatabase database) {
        this.database = database;
    }

    @Override
    public String id() {
        return "sakip";
    }

    @Override
    public Health health() {
        return database.health();
    }
}

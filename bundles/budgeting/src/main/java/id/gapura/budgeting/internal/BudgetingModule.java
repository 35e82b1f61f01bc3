package id.gapura.budgeting.internal;

import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the platform the budgeting module is up, once its tables are migrated. */
@Component(service = GapuraModule.class, immediate = true, property = GapuraModule.ID_PROPERTY + "=budgeting")
public class BudgetingModule implements GapuraModule {

    private final BudgetingDatabase database;

    @Activate
    public BudgetingModule(@Reference BudgetingDatabase database) {
        this.database = database;
    }

    @Override
    public String id() {
        return "budgeting";
    }

    @Override
    public Health health() {
        return database.health();
    }
}

package id.gapura.sakip.internal;

import id.gapura.budgeting.api.BudgetFigures;
import id.gapura.budgeting.api.ProgrammeBudget;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import java.util.List;
import java.util.Optional;

/**
 * The budget figures of the e-budgeting module, while it is installed: an optional, dynamic, greedy reference, so
 * installing or uninstalling budgeting switches the figures on and off without restarting anything of SAKIP.
 */
@Component(service = BudgetLink.class)
public class BudgetLink {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BudgetFigures figures;

    public BudgetLink() {
    }

    /** For tests: a link to these figures, or to none. */
    public BudgetLink(BudgetFigures figures) {
        this.figures = figures;
    }

    /** For tests: as DS does when the budgeting module comes (figures) or goes (null). */
    void set(BudgetFigures figures) {
        this.figures = figures;
    }

    /** The agency's programme budgets of the year; empty when the budgeting module is not installed. */
    public Optional<List<ProgrammeBudget>> byProgramme(String agencyCode, int year) {
        BudgetFigures current = figures;
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(current.byProgramme(agencyCode, year));
        } catch (RuntimeException e) {
            // the budgeting module is going away while we ask: as if it were not installed
            return Optional.empty();
        }
    }
}

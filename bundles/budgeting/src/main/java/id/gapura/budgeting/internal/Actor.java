package id.gapura.budgeting.internal;

/**
 * Who acts, as the budget rules see it.
 *
 * @param name   recorded in the history
 * @param admin  the platform administrator: may do everything
 * @param tapd   a member of the regional budget team (budget-tapd)
 * @param agency the agency a budget-agency or budget-agency-head user works for, null when none
 * @param head   the head of that agency (budget-agency-head): validates the agency's budget
 */
public record Actor(String name, boolean admin, boolean tapd, String agency, boolean head) {

    public static Actor admin(String name) {
        return new Actor(name, true, true, null, false);
    }

    public static Actor tapd(String name) {
        return new Actor(name, false, true, null, false);
    }

    public static Actor agency(String name, String agency) {
        return new Actor(name, false, false, agency, false);
    }

    public static Actor head(String name, String agency) {
        return new Actor(name, false, false, agency, true);
    }

    boolean mayActFor(String agencyCode) {
        return admin || agencyCode.equals(agency);
    }

    /** The administrator, or the head of this very agency. */
    boolean headOf(String agencyCode) {
        return admin || head && agencyCode.equals(agency);
    }

    boolean budgetTeam() {
        return admin || tapd;
    }
}

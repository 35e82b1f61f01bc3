package id.gapura.budgeting.internal;

/**
 * Who acts, as the budget rules see it.
 *
 * @param name   recorded in the history
 * @param admin  the platform administrator: may do everything
 * @param tapd   a member of the regional budget team (budget-tapd)
 * @param agency the agency a budget-agency user drafts for, null when none
 */
public record Actor(String name, boolean admin, boolean tapd, String agency) {

    public static Actor admin(String name) {
        return new Actor(name, true, true, null);
    }

    public static Actor tapd(String name) {
        return new Actor(name, false, true, null);
    }

    public static Actor agency(String name, String agency) {
        return new Actor(name, false, false, agency);
    }

    boolean mayActFor(String agencyCode) {
        return admin || agencyCode.equals(agency);
    }

    boolean budgetTeam() {
        return admin || tapd;
    }
}

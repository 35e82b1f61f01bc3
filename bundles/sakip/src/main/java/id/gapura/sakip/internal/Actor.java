package id.gapura.sakip.internal;

/**
 * Who acts, as the SAKIP rules see it.
 *
 * @param name      recorded with what they did
 * @param admin     the platform administrator: may do everything
 * @param planner   agency planning staff (sakip-planner): writes its own agency's plans and realisations
 * @param head      an agency head (sakip-agency-head): signs its own agency's performance agreement
 * @param evaluator the inspectorate (sakip-evaluator): enters LKE scores, reads every agency
 * @param viewer    reads every agency (sakip-viewer, e.g. Bappeda)
 * @param agency    the agency a planner or head works for, null when none is assigned
 */
public record Actor(String name, boolean admin, boolean planner, boolean head, boolean evaluator, boolean viewer,
                    String agency) {

    public static Actor admin(String name) {
        return new Actor(name, true, false, false, false, false, null);
    }

    public static Actor planner(String name, String agency) {
        return new Actor(name, false, true, false, false, false, agency);
    }

    public static Actor head(String name, String agency) {
        return new Actor(name, false, false, true, false, false, agency);
    }

    public static Actor evaluator(String name) {
        return new Actor(name, false, false, false, true, false, null);
    }

    public static Actor viewer(String name) {
        return new Actor(name, false, false, false, false, true, null);
    }

    /** Reads every agency. */
    public boolean readsAll() {
        return admin || evaluator || viewer;
    }

    public boolean mayRead(String agencyCode) {
        return readsAll() || (agency != null && agency.equals(agencyCode) && (planner || head));
    }

    public boolean mayPlan(String agencyCode) {
        return admin || (planner && agencyCode.equals(agency));
    }

    public boolean maySign(String agencyCode) {
        return admin || (head && agencyCode.equals(agency));
    }

    public boolean mayEvaluate() {
        return admin || evaluator;
    }
}

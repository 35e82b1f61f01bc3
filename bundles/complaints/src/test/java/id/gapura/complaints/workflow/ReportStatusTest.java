package id.gapura.complaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReportStatusTest {

    @Test
    void onlyFinishedReportsAreClosedForOpen311() {
        Set<ReportStatus> closed = EnumSet.of(ReportStatus.CLOSED, ReportStatus.ARCHIVED,
                ReportStatus.NOT_OUR_AUTHORITY);
        for (ReportStatus status : ReportStatus.values()) {
            String expected = closed.contains(status) ? "closed" : "open";
            assertEquals(expected, status.open311Status(), status.name());
            assertEquals(!closed.contains(status), status.isOpen(), status.name());
        }
    }

    @Test
    void statusesWithoutAllowedActionsAreClosed() {
        Workflow workflow = new Workflow();
        for (ReportStatus status : ReportStatus.values()) {
            if (workflow.allowedActions(status).isEmpty()) {
                assertEquals("closed", status.open311Status(), status.name());
            }
        }
    }
}

package id.gapura.complaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeadlineRulesTest {

    private final DeadlineRules national = DeadlineRules.nationalDefaults();

    @Test
    void nationalDefaultsMatchSp4nLapor() {
        assertEquals(new DeadlineRules(3, 3, 5, 14, 60), national);
        assertEquals(3, national.verificationDays());
        assertEquals(3, national.firstResponseDays());
        assertEquals(5, national.simpleAnswerDays());
        assertEquals(14, national.investigationDays());
        assertEquals(60, national.fieldCheckDays());
    }

    @Test
    void informationRequestsAndAspirationsGetTheSimpleDeadline() {
        assertEquals(5, national.answerDays(ReportClass.PERMINTAAN_INFORMASI, HandlingTrack.INVESTIGATION));
        assertEquals(5, national.answerDays(ReportClass.ASPIRASI, HandlingTrack.INVESTIGATION));
        assertEquals(5, national.answerDays(ReportClass.ASPIRASI, HandlingTrack.FIELD_CHECK));
    }

    @Test
    void complaintsDependOnTheFieldCheck() {
        assertEquals(14, national.answerDays(ReportClass.PENGADUAN, HandlingTrack.INVESTIGATION));
        assertEquals(60, national.answerDays(ReportClass.PENGADUAN, HandlingTrack.FIELD_CHECK));
        assertEquals(5, national.answerDays(ReportClass.PENGADUAN, HandlingTrack.SIMPLE));
    }

    @Test
    void regionalValuesAreUsed() {
        DeadlineRules region = new DeadlineRules(2, 1, 4, 10, 30);
        assertEquals(4, region.answerDays(ReportClass.PERMINTAAN_INFORMASI, HandlingTrack.INVESTIGATION));
        assertEquals(30, region.answerDays(ReportClass.PENGADUAN, HandlingTrack.FIELD_CHECK));
    }

    @Test
    void zeroOrNegativeValuesNameTheField() {
        assertMessage("verificationDays must be a positive number of working days, was 0",
                () -> new DeadlineRules(0, 3, 5, 14, 60));
        assertMessage("firstResponseDays must be a positive number of working days, was -1",
                () -> new DeadlineRules(3, -1, 5, 14, 60));
        assertMessage("simpleAnswerDays must be a positive number of working days, was 0",
                () -> new DeadlineRules(3, 3, 0, 14, 60));
        assertMessage("investigationDays must be a positive number of working days, was 0",
                () -> new DeadlineRules(3, 3, 5, 0, 60));
        assertMessage("fieldCheckDays must be a positive number of working days, was -60",
                () -> new DeadlineRules(3, 3, 5, 14, -60));
    }

    @Test
    void reportClassIsRequired() {
        assertThrows(NullPointerException.class, () -> national.answerDays(null, HandlingTrack.INVESTIGATION));
    }

    private static void assertMessage(String expected, Runnable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertEquals(expected, e.getMessage());
    }
}

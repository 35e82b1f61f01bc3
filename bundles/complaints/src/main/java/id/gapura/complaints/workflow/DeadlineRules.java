package id.gapura.complaints.workflow;

import java.util.Objects;

/**
 * How many working days each step of handling a report may take. A region may configure its own values;
 * {@link #nationalDefaults()} gives the SP4N-LAPOR! ones.
 *
 * @param verificationDays  from submission to verification by the coordinator
 * @param firstResponseDays from disposition to the agency's first follow-up
 * @param simpleAnswerDays  answer to an information request, aspiration or simple complaint
 * @param investigationDays answer to a complaint that needs investigation without a field check
 * @param fieldCheckDays    answer to a complaint that needs a field check
 */
public record DeadlineRules(
        int verificationDays,
        int firstResponseDays,
        int simpleAnswerDays,
        int investigationDays,
        int fieldCheckDays) {

    public DeadlineRules {
        requirePositive("verificationDays", verificationDays);
        requirePositive("firstResponseDays", firstResponseDays);
        requirePositive("simpleAnswerDays", simpleAnswerDays);
        requirePositive("investigationDays", investigationDays);
        requirePositive("fieldCheckDays", fieldCheckDays);
    }

    public static DeadlineRules nationalDefaults() {
        return new DeadlineRules(3, 3, 5, 14, 60);
    }

    /**
     * Working days allowed for the answer on the given track. Aspirations and information requests are
     * always simple matters, whatever the category's track.
     */
    public int answerDays(ReportClass reportClass, HandlingTrack track) {
        Objects.requireNonNull(reportClass, "reportClass");
        Objects.requireNonNull(track, "track");
        if (reportClass != ReportClass.PENGADUAN) {
            return simpleAnswerDays;
        }
        return switch (track) {
            case SIMPLE -> simpleAnswerDays;
            case INVESTIGATION -> investigationDays;
            case FIELD_CHECK -> fieldCheckDays;
        };
    }

    private static void requirePositive(String name, int days) {
        if (days <= 0) {
            throw new IllegalArgumentException(
                    name + " must be a positive number of working days, was " + days);
        }
    }
}

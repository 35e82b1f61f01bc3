package id.gapura.permits.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the module shows of applications and permits: JSON bodies of the REST API. Times in the region's zone. */
public final class Views {

    private Views() {
    }

    public record TypeRef(String code, String name) {
    }

    public record Applicant(String kind, String idNumber, String name, String address, String phone, String email) {
    }

    /** The service-level clock, in working days. */
    public record Clock(String state, int slaDays, int daysUsed, int daysRemaining, OffsetDateTime deadline,
                        boolean overdue, boolean nearing) {
    }

    public record NextStep(String step, List<String> roles) {
    }

    public record Fee(BigDecimal amount, String formula, String skrdNumber, String paymentReference,
                      OffsetDateTime paidAt) {
    }

    public record Permit(String number, LocalDate issuedOn, LocalDate validUntil, String status) {
    }

    public record Event(OffsetDateTime at, String actor, String step, String from, String to, String note,
                        int clockDaysUsed) {
    }

    /** The full application, for officers. */
    public record Application(String registrationNumber, String kind, TypeRef type, String stage, String stageLabel,
                              String channel, String filedBy, Applicant applicant, String subject, String location,
                              Map<String, String> feeParameters, List<String> documents,
                              List<String> missingDocuments, List<String> pipeline, Clock clock,
                              List<NextStep> nextSteps, String recommendation, String recommendationNote, Fee fee,
                              String signedBy, OffsetDateTime signedAt, Permit permit, String renewsOrChanges,
                              String rejectionReasons, OffsetDateTime createdAt, OffsetDateTime submittedAt,
                              OffsetDateTime decidedAt, List<Event> history) {
    }

    /** What the applicant sees by registration number: no personal data. */
    public record Tracking(String registrationNumber, String kind, TypeRef type, String stage, String stageLabel,
                           List<String> missingDocuments, Clock clock, BigDecimal feeAmount, String skrdNumber,
                           String permitNumber, String rejectionReasons, OffsetDateTime submittedAt) {
    }

    /** One line of the lists (attention, search). */
    public record Summary(String registrationNumber, String kind, String type, String stage, String applicantName,
                          String subject, OffsetDateTime submittedAt, Clock clock) {
    }

    /** Public verification of a permit number, for the QR code on the decree: nothing more than this. */
    public record Verification(String number, String holderName, String type, String typeName, LocalDate issuedOn,
                               LocalDate validUntil, String status) {
    }

    public record IssuedPermit(String number, String registrationNumber, String type, String holderName,
                               LocalDate issuedOn, LocalDate validUntil, String status) {
    }
}

package id.gapura.permits.internal;

import id.gapura.permits.rules.FeeRule;
import id.gapura.permits.rules.PermitValidity;
import id.gapura.permits.workflow.Stage;
import id.gapura.permits.workflow.Workflow;

import java.util.List;
import java.util.Optional;

/**
 * A permit type as the region configured it.
 *
 * @param stages the optional stages it uses (verification, technical review, validation)
 */
public record PermitType(String code, String name, String description, List<Document> requiredDocuments,
                         List<Stage> stages, int slaDays, FeeRule feeRule, Integer validityMonths,
                         boolean renewable, int renewalDaysBefore, String numberFormat, boolean active) {

    /** A document an applicant hands in, e.g. {@code ktp} "KTP pemohon". */
    public record Document(String code, String name) {
    }

    public Workflow workflow() {
        return new Workflow(stages, feeRule.hasFee());
    }

    public PermitValidity validity() {
        return new PermitValidity(Optional.ofNullable(validityMonths), renewable, renewalDaysBefore);
    }

    public List<String> documentCodes() {
        return requiredDocuments.stream().map(Document::code).toList();
    }
}

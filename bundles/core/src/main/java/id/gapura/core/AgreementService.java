package id.gapura.core;

import id.gapura.core.agreement.AgreementRefusedException;
import id.gapura.core.agreement.ApplyPlan;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.agreement.StoredAgreement;
import id.gapura.core.agreement.TrustedKeys;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The region's cooperation agreements: importing signed agreements, and making the installed modules match
 * the active ones. What the {@code agreement:} commands call. The module lifecycle applies the coverage itself
 * ({@link ModuleManager#install}), reading it from the same store.
 */
public interface AgreementService {

    /**
     * Verifies a signed agreement (signature, trusted signer, format, region, dates, module ids) and stores
     * it; a refused document stores nothing. Both outcomes are recorded in the audit log.
     *
     * @param document the compact JWS
     * @param source   where it came from (a file name), for the audit log
     * @throws AgreementRefusedException with the precise reason
     */
    ImportResult importDocument(String document, String source, String actor) throws AgreementRefusedException;

    /** Every imported agreement with its standing today, by number. */
    List<StoredAgreement> agreements();

    Optional<StoredAgreement> agreement(String number);

    /** What the agreements cover today. */
    Coverage coverage();

    /** What {@link #apply} would change now. */
    ApplyPlan plan(boolean prune) throws ModuleOperationException;

    /**
     * Makes the installed modules match the active agreements, step by step; stops at the first failing step
     * (each step is complete or undone) and reports what was done and what was not. Recorded in the audit log.
     */
    ApplyReport apply(boolean prune, String actor) throws ModuleOperationException;

    /** The trusted provider keys as they are in the folder now. */
    TrustedKeys trustedKeys();

    /** The region's zone, in which agreement dates and audit times are read and shown. */
    ZoneId zone();

    LocalDate today();

    /** A path the administrator typed, relative to the installation folder. */
    Path resolve(String path);

    /**
     * @param stored   the agreement as stored now
     * @param change   what the import did
     * @param warnings what the administrator should know (not yet in force, no version in range)
     */
    record ImportResult(StoredAgreement stored, Change change, List<String> warnings) {
    }

    enum Change {
        /** A new agreement number. */
        ADDED,
        /** A document with the same number and a later signing date (an amendment) replaced the stored one. */
        REPLACED,
        /** The very same document was imported before. */
        UNCHANGED
    }

    /**
     * @param plan     what was to be done
     * @param done     one line per step done
     * @param failure  the step that failed and why, if one did
     * @param notDone  the steps not attempted after the failure
     */
    record ApplyReport(ApplyPlan plan, List<String> done, Optional<String> failure, List<ApplyPlan.Step> notDone) {
        public boolean complete() {
            return failure.isEmpty();
        }
    }
}

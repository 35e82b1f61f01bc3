package id.gapura.core.internal;

import com.nimbusds.jose.JWSObject;
import id.gapura.core.agreement.Agreement;
import id.gapura.core.agreement.AgreementFormat;
import id.gapura.core.agreement.AgreementRefusedException;
import id.gapura.core.agreement.AgreementVerifier;
import id.gapura.core.agreement.AgreementVerifier.Signed;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.agreement.StoredAgreement;
import id.gapura.core.agreement.StoredAgreement.Standing;
import id.gapura.core.agreement.TrustedKeys;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The imported agreements as they stand today, each verified again with the trusted keys as they are now, and
 * what they cover. What the agreement service and the module lifecycle's coverage policy both read; it changes
 * nothing, so the lifecycle can depend on it without depending on the agreement service, which installs modules
 * through the lifecycle.
 */
@Component(service = AgreementStore.class)
public class AgreementStore {

    private final JpaTemplate jpa;
    private final PlatformSettings settings;
    private final Clock clock;

    /** The platform database reference makes sure the platform tables are migrated before first use. */
    @Activate
    public AgreementStore(@Reference(target = "(osgi.unit.name=gapura)") JpaTemplate jpa,
                          @Reference PlatformDatabase database,
                          @Reference PlatformSettings settings) {
        this(jpa, settings, Clock.systemUTC());
    }

    AgreementStore(JpaTemplate jpa, PlatformSettings settings, Clock clock) {
        this.jpa = jpa;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every imported agreement with its standing today, by number. */
    public List<StoredAgreement> agreements() {
        TrustedKeys keys = trustedKeys();
        LocalDate today = today();
        return jpa.txExpr(TransactionType.Required, em -> em
                        .createQuery("select a from AgreementRecord a order by a.number", AgreementRecord.class)
                        .getResultList())
                .stream().map(record -> standing(record, keys, today)).toList();
    }

    public Optional<StoredAgreement> agreement(String number) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> em.find(AgreementRecord.class, number)))
                .map(record -> standing(record, trustedKeys(), today()));
    }

    /** What the agreements cover today. */
    public Coverage coverage() {
        return new Coverage(agreements());
    }

    public TrustedKeys trustedKeys() {
        return TrustedKeys.load(settings.trustedKeys());
    }

    /** Today in the region's zone, in which agreement dates are read. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    private static StoredAgreement standing(AgreementRecord record, TrustedKeys keys, LocalDate today) {
        try {
            Signed signed = AgreementVerifier.verify(record.document(), keys);
            if (!signed.agreement().number().equals(record.number())) {
                return untrusted(record, "the stored document is agreement " + signed.agreement().number()
                        + ", not " + record.number());
            }
            return new StoredAgreement(signed.agreement(), signed.key().id(),
                    StoredAgreement.standingOn(signed.agreement(), today), "", record.document(),
                    record.importedAt(), record.importedBy());
        } catch (AgreementRefusedException e) {
            return untrusted(record, e.getMessage());
        }
    }

    private static StoredAgreement untrusted(AgreementRecord record, String problem) {
        Agreement shown;
        try {
            shown = AgreementFormat.parse(JWSObject.parse(record.document()).getPayload().toString());
        } catch (java.text.ParseException | AgreementRefusedException | RuntimeException e) {
            shown = record.fromColumns();
        }
        return new StoredAgreement(shown, record.keyId(), Standing.UNTRUSTED, problem, record.document(),
                record.importedAt(), record.importedBy());
    }
}

package id.gapura.core.internal;

import id.gapura.core.agreement.Agreement;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embeddable;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An imported agreement: the signed document as received (the authority, verified again whenever it is
 * read) and, for people and queries looking at the database, its main facts in columns. Dates are stored as
 * ISO text ({@code 2026-01-31}): they are calendar dates of the region, which no time zone may shift.
 */
@Entity
@Table(name = "gapura_agreement")
public class AgreementRecord {

    @Id
    @Column(name = "agreement_number")
    private String number;

    @Column(name = "provider_code", nullable = false)
    private String providerCode;

    @Column(name = "provider_name", nullable = false)
    private String providerName;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(name = "region_name", nullable = false)
    private String regionName;

    @Column(name = "signed_on", nullable = false)
    private String signedOn;

    @Column(name = "valid_from", nullable = false)
    private String validFrom;

    @Column(name = "valid_until", nullable = false)
    private String validUntil;

    @Column(name = "key_id", nullable = false)
    private String keyId;

    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "document_sha256", nullable = false)
    private String documentSha256;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false)
    private String importedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gapura_agreement_module", joinColumns = @JoinColumn(name = "agreement_number"))
    private List<ModuleColumns> modules = new ArrayList<>();

    /** One covered module, as a row of {@code gapura_agreement_module}. */
    @Embeddable
    public static class ModuleColumns {
        @Column(name = "module_id", nullable = false)
        private String moduleId;

        @Column(name = "versions", nullable = false)
        private String versions;

        protected ModuleColumns() {
            // for JPA
        }

        ModuleColumns(String moduleId, String versions) {
            this.moduleId = moduleId;
            this.versions = versions;
        }
    }

    protected AgreementRecord() {
        // for JPA
    }

    AgreementRecord(Agreement agreement, String keyId, String document, String documentSha256, Instant importedAt,
                    String importedBy) {
        this.number = agreement.number();
        replace(agreement, keyId, document, documentSha256, importedAt, importedBy);
    }

    void replace(Agreement agreement, String keyId, String document, String documentSha256, Instant importedAt,
                 String importedBy) {
        this.providerCode = agreement.provider().code();
        this.providerName = agreement.provider().name();
        this.regionCode = agreement.region().code();
        this.regionName = agreement.region().name();
        this.signedOn = agreement.signedOn().toString();
        this.validFrom = agreement.validFrom().toString();
        this.validUntil = agreement.validUntil().toString();
        this.keyId = keyId;
        this.document = document;
        this.documentSha256 = documentSha256;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
        this.modules.clear();
        agreement.modules().forEach(module -> modules.add(new ModuleColumns(module.id(), module.versions().toString())));
    }

    String number() {
        return number;
    }

    String keyId() {
        return keyId;
    }

    String document() {
        return document;
    }

    String documentSha256() {
        return documentSha256;
    }

    Instant importedAt() {
        return importedAt;
    }

    String importedBy() {
        return importedBy;
    }

    String signedOn() {
        return signedOn;
    }

    /** The facts of the columns, for when the stored document cannot be read. */
    Agreement fromColumns() {
        return new Agreement(number, java.util.Optional.empty(),
                new Agreement.Party(providerName, providerCode), new Agreement.Party(regionName, regionCode),
                java.time.LocalDate.parse(signedOn), java.time.LocalDate.parse(validFrom),
                java.time.LocalDate.parse(validUntil), List.of());
    }
}

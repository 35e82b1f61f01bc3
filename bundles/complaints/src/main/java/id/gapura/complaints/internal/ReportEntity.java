package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.ReportClass;
import id.gapura.complaints.workflow.ReportStatus;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A citizen's report. Personal fields never leave the module on public endpoints. */
@Entity
@Table(name = "complaints_report")
public class ReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tracking_number", nullable = false, unique = true)
    private String trackingNumber;
    @Column(name = "service_code", nullable = false)
    private String serviceCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "report_class", nullable = false)
    private ReportClass reportClass;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;
    @Column(nullable = false)
    private String description;
    private String address;
    private BigDecimal latitude;
    private BigDecimal longitude;
    @Column(name = "reporter_name")
    private String reporterName;
    @Column(name = "reporter_email")
    private String reporterEmail;
    @Column(name = "reporter_phone")
    private String reporterPhone;
    private boolean anonymous;
    private boolean confidential;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "verification_due", nullable = false)
    private Instant verificationDue;

    protected ReportEntity() {
        // for JPA
    }

    ReportEntity(String trackingNumber, NewReport report, Instant now, Instant verificationDue) {
        this.trackingNumber = trackingNumber;
        this.serviceCode = report.serviceCode();
        this.reportClass = report.reportClass();
        this.status = ReportStatus.SUBMITTED;
        this.description = report.description();
        this.address = report.address();
        this.latitude = report.latitude();
        this.longitude = report.longitude();
        this.reporterName = report.reporter().name();
        this.reporterEmail = report.reporter().email();
        this.reporterPhone = report.reporter().phone();
        this.anonymous = report.reporter().anonymous();
        this.confidential = report.reporter().confidential();
        this.submittedAt = now;
        this.updatedAt = now;
        this.verificationDue = verificationDue;
    }

    public Long id() {
        return id;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public ReportClass reportClass() {
        return reportClass;
    }

    public ReportStatus status() {
        return status;
    }

    public String description() {
        return description;
    }

    public String address() {
        return address;
    }

    public BigDecimal latitude() {
        return latitude;
    }

    public BigDecimal longitude() {
        return longitude;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant verificationDue() {
        return verificationDue;
    }
}

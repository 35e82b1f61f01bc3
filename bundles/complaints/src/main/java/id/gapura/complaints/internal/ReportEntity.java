package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.HandlingTrack;
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
import javax.persistence.Transient;
import javax.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A citizen's report and where its handling stands. Personal fields never leave the module on public
 * endpoints; {@link HandlingService} is the only writer after submission.
 */
@Entity
@Table(name = "complaints_report")
public class ReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;
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
    private String channel;
    @Column(nullable = false)
    private String description;
    private String address;
    @Column(name = "address_id")
    private String addressId;
    private String zipcode;
    private BigDecimal latitude;
    private BigDecimal longitude;
    @Column(name = "media_url")
    private String mediaUrl;
    @Column(name = "reporter_name")
    private String reporterName;
    @Column(name = "reporter_email")
    private String reporterEmail;
    @Column(name = "reporter_phone")
    private String reporterPhone;
    @Column(name = "device_id")
    private String deviceId;
    @Column(name = "account_id")
    private String accountId;
    private boolean anonymous;
    private boolean confidential;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "verification_due", nullable = false)
    private Instant verificationDue;
    @Column(name = "agency_code")
    private String agencyCode;
    private String instruction;
    @Enumerated(EnumType.STRING)
    @Column(name = "handling_track")
    private HandlingTrack track;
    @Column(name = "dispositioned_at")
    private Instant dispositionedAt;
    @Column(name = "first_response_due")
    private Instant firstResponseDue;
    @Column(name = "first_response_at")
    private Instant firstResponseAt;
    @Column(name = "answer_due")
    private Instant answerDue;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "status_notes")
    private String statusNotes;
    /** SHA-256 hex of the reporter's secret ({@link ReporterSecrets}); null for reports submitted before it existed. */
    @Column(name = "reporter_secret_hash")
    private String reporterSecretHash;
    /** The reporter's secret itself: only on the instance {@link ReportService#submit} answers, never stored. */
    @Transient
    private String reporterSecret;

    protected ReportEntity() {
        // for JPA
    }

    ReportEntity(String trackingNumber, NewReport report, ReportClass reportClass, Instant now,
                 Instant verificationDue, String reporterSecret) {
        this.trackingNumber = trackingNumber;
        this.serviceCode = report.serviceCode();
        this.reportClass = reportClass;
        this.status = ReportStatus.SUBMITTED;
        this.channel = report.channel();
        // optional, as in Open311: none is stored as the empty text (the column stays NOT NULL for every reader)
        this.description = ReportService.blank(report.description()) ? "" : report.description();
        this.address = report.location().address();
        this.addressId = report.location().addressId();
        this.zipcode = report.location().zipcode();
        this.latitude = report.location().latitude();
        this.longitude = report.location().longitude();
        this.mediaUrl = report.mediaUrl();
        this.reporterName = report.reporter().name();
        this.reporterEmail = report.reporter().email();
        this.reporterPhone = report.reporter().phone();
        this.deviceId = report.reporter().deviceId();
        this.accountId = report.reporter().accountId();
        this.anonymous = report.reporter().anonymous();
        this.confidential = report.reporter().confidential();
        this.submittedAt = now;
        this.updatedAt = now;
        this.verificationDue = verificationDue;
        this.reporterSecret = reporterSecret;
        this.reporterSecretHash = ReporterSecrets.hash(reporterSecret);
    }

    void moveTo(ReportStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void disposition(String agencyCode, String instruction, HandlingTrack track, Instant now,
                     Instant firstResponseDue, Instant answerDue) {
        this.agencyCode = agencyCode;
        this.instruction = instruction;
        this.track = track;
        this.dispositionedAt = now;
        this.firstResponseDue = firstResponseDue;
        this.firstResponseAt = null;
        this.answerDue = answerDue;
    }

    void answered(Instant now, String publicNote) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        statusNotes = publicNote;
    }

    void closed(Instant now, String publicNote) {
        closedAt = now;
        if (publicNote != null) {
            statusNotes = publicNote;
        }
    }

    void reopened(Instant now, Instant firstResponseDue, Instant answerDue) {
        this.closedAt = null;
        this.dispositionedAt = now;
        this.firstResponseDue = firstResponseDue;
        this.firstResponseAt = null;
        this.answerDue = answerDue;
    }

    void mediaUrl(String url) {
        mediaUrl = url;
    }

    void publicNote(String note) {
        statusNotes = note;
    }

    /** The deadline the report is working against now, or null when nobody in the region has anything to do. */
    public Instant currentDeadline() {
        return switch (status) {
            case SUBMITTED, POSTPONED -> verificationDue;
            case DISPOSITIONED -> firstResponseDue.isBefore(answerDue) ? firstResponseDue : answerDue;
            case ANSWERED -> answerDue;
            case VERIFIED -> verificationDue;
            default -> null;
        };
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

    public String channel() {
        return channel;
    }

    public String description() {
        return description;
    }

    public String address() {
        return address;
    }

    public String addressId() {
        return addressId;
    }

    public String zipcode() {
        return zipcode;
    }

    public BigDecimal latitude() {
        return latitude;
    }

    public BigDecimal longitude() {
        return longitude;
    }

    public String mediaUrl() {
        return mediaUrl;
    }

    public String reporterName() {
        return reporterName;
    }

    public String reporterEmail() {
        return reporterEmail;
    }

    public String reporterPhone() {
        return reporterPhone;
    }

    public String deviceId() {
        return deviceId;
    }

    public String accountId() {
        return accountId;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public boolean confidential() {
        return confidential;
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

    public String agencyCode() {
        return agencyCode;
    }

    public String instruction() {
        return instruction;
    }

    public HandlingTrack track() {
        return track;
    }

    public Instant dispositionedAt() {
        return dispositionedAt;
    }

    public Instant firstResponseDue() {
        return firstResponseDue;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant answerDue() {
        return answerDue;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** The latest note meant for the public: an agency's answer or the closing remark. */
    public String statusNotes() {
        return statusNotes;
    }

    /**
     * The reporter's secret, for the submission receipt: only on the report {@link ReportService#submit}
     * answered; null on every report read from the database, which keeps only its hash.
     */
    public String reporterSecret() {
        return reporterSecret;
    }

    String reporterSecretHash() {
        return reporterSecretHash;
    }
}

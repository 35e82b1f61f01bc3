package id.gapura.complaints.internal;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/** A photo of a report (from the reporter) or of a follow-up (from the agency). */
@Entity
@Table(name = "complaints_photo")
public class PhotoEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id", nullable = false)
    private Long reportId;
    @Column(name = "event_id")
    private Long eventId;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private int size;
    @Column(nullable = false)
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    protected PhotoEntity() {
        // for JPA
    }

    PhotoEntity(Long reportId, Long eventId, String contentType, byte[] content, String sha256, Instant uploadedAt,
                String uploadedBy) {
        this.reportId = reportId;
        this.eventId = eventId;
        this.contentType = contentType;
        this.size = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public Long id() {
        return id;
    }

    public Long reportId() {
        return reportId;
    }

    public Long eventId() {
        return eventId;
    }

    public String contentType() {
        return contentType;
    }

    public int size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] content() {
        return content;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}

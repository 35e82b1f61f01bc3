package id.gapura.complaints.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The reporter's answer to one of the category's extra questions; multi-value answers have one row per value. */
@Entity
@Table(name = "complaints_report_attribute")
@IdClass(ReportAttributeEntity.Key.class)
public class ReportAttributeEntity {

    @Id
    @Column(name = "report_id")
    private Long reportId;
    @Id
    private String code;
    @Id
    @Column(name = "attribute_value")
    private String value;

    protected ReportAttributeEntity() {
        // for JPA
    }

    ReportAttributeEntity(Long reportId, String code, String value) {
        this.reportId = reportId;
        this.code = code;
        this.value = value;
    }

    public String code() {
        return code;
    }

    public String value() {
        return value;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long reportId;
        private String code;
        private String value;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(reportId, key.reportId)
                    && Objects.equals(code, key.code) && Objects.equals(value, key.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, code, value);
        }
    }
}

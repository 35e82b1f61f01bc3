package id.gapura.complaints.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A submission as the citizen sent it, trimmed but not yet validated: {@link ReportService#submit} checks it
 * and names each invalid field.
 *
 * @param reportClass a {@link id.gapura.complaints.workflow.ReportClass} code; empty means pengaduan
 * @param attributes  answers to the category's extra questions, by attribute code
 * @param channel     where it came from: {@code api} or {@code open311}
 */
public record NewReport(String serviceCode, String reportClass, String description, Location location,
                        Reporter reporter, Map<String, List<String>> attributes, String mediaUrl, String channel) {

    public NewReport {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Where: an address, an address id of the region's own register, or a point; at least one. */
    public record Location(String address, String addressId, String zipcode, BigDecimal latitude,
                           BigDecimal longitude) {
    }

    /**
     * Who reported; every field may be empty. Anonymous hides them from the public, confidential from the
     * agency too.
     */
    public record Reporter(String name, String email, String phone, String deviceId, String accountId,
                           boolean anonymous, boolean confidential) {
    }
}

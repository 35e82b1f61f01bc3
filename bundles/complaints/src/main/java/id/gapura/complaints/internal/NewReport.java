package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.ReportClass;

import java.math.BigDecimal;

/** A validated submission. */
public record NewReport(String serviceCode, ReportClass reportClass, String description, String address,
                        BigDecimal latitude, BigDecimal longitude, Reporter reporter) {

    /** Who reported; every field may be empty. Anonymous hides them from the public, confidential from the agency too. */
    public record Reporter(String name, String email, String phone, boolean anonymous, boolean confidential) {
    }
}

package id.gapura.permits.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an application stands: the stage it waits in, or its outcome. Codes are lowercase for storage and APIs. */
public enum Stage {
    /** Being prepared; not yet filed (the clock has not started). */
    DRAFT("Draf"),
    /** Filed; the front office checks that every required document is there (pemeriksaan kelengkapan). */
    SUBMITTED("Pemeriksaan kelengkapan"),
    /** Returned to the applicant as incomplete, with the list of what is missing; the clock stops. */
    RETURNED("Dikembalikan (berkas belum lengkap)"),
    /** The section head verifies the application (verifikasi). */
    VERIFICATION("Verifikasi"),
    /** The technical team checks the documents or visits the site and records a recommendation. */
    TECHNICAL_REVIEW("Kajian teknis / peninjauan lapangan"),
    /** The division head validates (validasi). */
    VALIDATION("Validasi"),
    /** The fee (retribusi) is assessed and the SKRD issued. */
    FEE_ASSESSMENT("Penetapan retribusi (SKRD)"),
    /** Waiting for the applicant to pay the SKRD. */
    PAYMENT("Menunggu pembayaran"),
    /** The decree (SK) is drafted and waits for the head of DPMPTSP to sign it. */
    DECREE("Penandatanganan SK"),
    /** Signed; the front office registers its number and hands it over. */
    SIGNED("SK ditandatangani, menunggu penyerahan"),
    ISSUED("Izin terbit"),
    REJECTED("Ditolak");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Indonesian name shown to officers and applicants. */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == ISSUED || this == REJECTED;
    }

    /** Stages a permit type may switch on or off; the others apply to every application. */
    public boolean isOptional() {
        return this == VERIFICATION || this == TECHNICAL_REVIEW || this == VALIDATION;
    }

    /** Accepts the code in any letter case, surrounded by whitespace or not. */
    public static Stage fromCode(String code) {
        if (code != null) {
            String normalized = code.trim().toUpperCase(Locale.ROOT);
            for (Stage stage : values()) {
                if (stage.name().equals(normalized)) {
                    return stage;
                }
            }
        }
        throw new IllegalArgumentException("Unknown stage '" + code + "': stages are "
                + Arrays.stream(values()).map(Stage::code).collect(Collectors.joining(", ")) + ".");
    }
}

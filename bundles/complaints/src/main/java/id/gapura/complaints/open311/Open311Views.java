package id.gapura.complaints.open311;

import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.ServiceEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How reports look on Open311: status open or closed, the public note, the agency responsible, times in
 * the region's zone, and a notice in Indonesian saying what happens next. Never the reporter's name,
 * e-mail, phone, device or account.
 */
final class Open311Views {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm", INDONESIAN);

    private final ReportService reports;
    private final ZoneId zone;
    private final Map<String, ServiceEntity> services;
    private final Map<String, String> agencies;

    Open311Views(ReportService reports) {
        this.reports = reports;
        this.zone = reports.workingDays().zone();
        this.services = reports.allServices().stream().collect(Collectors.toMap(ServiceEntity::code, Function.identity()));
        this.agencies = reports.agencies().stream().collect(Collectors.toMap(AgencyEntity::code, AgencyEntity::name));
    }

    GeoReport.ServiceRequest request(ReportEntity report) {
        ServiceEntity service = services.get(report.serviceCode());
        return new GeoReport.ServiceRequest(report.trackingNumber(), report.status().open311Status(),
                report.statusNotes(), service == null ? null : service.name(), report.serviceCode(),
                report.description(), agency(report), notice(report), time(report.submittedAt()),
                time(report.updatedAt()), time(report.answerDue()), report.address(), report.addressId(),
                report.zipcode(), plain(report.latitude()), plain(report.longitude()), report.mediaUrl());
    }

    /** What the reporter is told on submission: the tracking number and the verification deadline. */
    String receiptNotice(ReportEntity report) {
        return "Laporan Anda diterima dengan nomor pelacakan " + report.trackingNumber()
                + ". Simpan nomor ini untuk mengikuti status dan jawaban atas laporan Anda. Koordinator pengaduan "
                + "memverifikasi laporan dalam " + reports.settings().rules().verificationDays()
                + " hari kerja, paling lambat " + indonesian(report.verificationDue()) + ".";
    }

    /** Where the report stands, in words for the citizen. */
    String notice(ReportEntity report) {
        return switch (report.status()) {
            case SUBMITTED -> "Menunggu verifikasi koordinator pengaduan, paling lambat "
                    + indonesian(report.verificationDue()) + ".";
            case VERIFIED -> "Sudah diverifikasi; menunggu diteruskan ke perangkat daerah yang berwenang.";
            case POSTPONED -> "Verifikasi ditunda oleh koordinator pengaduan.";
            case DISPOSITIONED -> "Diteruskan ke " + agency(report)
                    + (report.answerDue() == null ? "." : "; jawaban paling lambat " + indonesian(report.answerDue()) + ".");
            case ANSWERED -> agency(report) + " telah menjawab (lihat status_notes); laporan tetap terbuka sampai "
                    + "ditutup.";
            case CLOSED -> "Laporan selesai ditangani.";
            case NOT_OUR_AUTHORITY -> "Bukan kewenangan pemerintah daerah; laporan diteruskan ke instansi yang "
                    + "berwenang.";
            case ARCHIVED -> "Laporan diarsipkan.";
        };
    }

    /** The agency the report is dispositioned to, else the one that answers for its category. */
    String agency(ReportEntity report) {
        String code = report.agencyCode();
        if (code == null) {
            ServiceEntity service = services.get(report.serviceCode());
            code = service == null ? null : service.agencyCode();
        }
        return code == null ? null : agencies.get(code);
    }

    /** W3C/ISO-8601 with the region's offset, to the second: {@code 2026-11-23T09:00:00+07:00}. */
    String time(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).truncatedTo(ChronoUnit.SECONDS));
    }

    /** E.g. {@code 26 November 2026 pukul 09.00 WIB}. */
    String indonesian(Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        return DAY.format(at) + " pukul " + CLOCK.format(at) + " " + zoneName(at.getOffset());
    }

    private static String zoneName(ZoneOffset offset) {
        return switch (offset.getTotalSeconds() / 3600) {
            case 7 -> "WIB";
            case 8 -> "WITA";
            case 9 -> "WIT";
            default -> "UTC" + offset.getId();
        };
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}

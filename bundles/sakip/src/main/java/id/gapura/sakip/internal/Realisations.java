package id.gapura.sakip.internal;

import java.time.OffsetDateTime;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.validation.Inputs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static id.gapura.sakip.internal.SakipDatabase.decimal;
import static id.gapura.sakip.internal.SakipDatabase.instant;
import static id.gapura.sakip.internal.SakipDatabase.integer;
import static id.gapura.sakip.internal.SakipDatabase.rows;
import static id.gapura.sakip.internal.SakipDatabase.timestamp;
import static id.gapura.sakip.internal.SakipDatabase.update;

/**
 * Realisation of an indicator per quarter (triwulan 1–4) of a year, with its evidence: a note and a link or a small
 * attachment. A quarter's value is the realisation up to the end of that quarter (cumulative), so the year's
 * realisation is the newest quarter's value, and Q4's at the end of the year. Measured against the signed
 * performance agreement in force: an indicator outside it has no realisation.
 */
@Component(service = Realisations.class)
public class Realisations {

    /** Evidence files are for a scan or a photo, not for archives. */
    public static final int MAX_ATTACHMENT_BYTES = 1024 * 1024;

    public record AttachmentInput(String name, String contentType, String base64) {
    }

    public record RealisationInput(BigDecimal value, String note, String link, AttachmentInput attachment) {
    }

    public record Realisation(String indicatorCode, int year, int quarter, BigDecimal value, Achievement achievement,
                              String note, String link, String attachmentName, String attachmentType,
                              Integer attachmentSize, String recordedBy, OffsetDateTime recordedAt) {
    }

    public record Attachment(String name, String contentType, byte[] content) {
    }

    /** A quarter's value of an indicator, for reports. */
    record Value(long indicatorId, int year, int quarter, BigDecimal value) {
    }

    private final SakipDatabase database;
    private final Agencies agencies;
    private final Clock clock;

    @Activate
    public Realisations(@Reference SakipDatabase database, @Reference Agencies agencies) {
        this(database, agencies, Clock.systemUTC());
    }

    Realisations(SakipDatabase database, Agencies agencies, Clock clock) {
        this.database = database;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Records (or corrects) the realisation of a quarter. */
    public Realisation record(String agencyCode, int year, String indicatorCode, int quarter, RealisationInput input,
                              Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (quarter < 1 || quarter > 4) {
            errors.add(new FieldError("quarter", "a quarter (triwulan) 1, 2, 3 or 4"));
        }
        if (input == null || input.value() == null) {
            errors.add(new FieldError("value", "the realisation up to the end of the quarter, in the indicator's unit"));
        } else if (!Inputs.fits(input.value(), Plans.VALUE_PRECISION, Plans.VALUE_SCALE)) {
            // sakip_realisation.real_value DECIMAL(24, 4)
            errors.add(new FieldError("value", "a number with at most " + (Plans.VALUE_PRECISION - Plans.VALUE_SCALE)
                    + " digits before the decimal point and " + Plans.VALUE_SCALE + " after it"));
        }
        if (!Inputs.isYear(year)) {
            errors.add(new FieldError("year", "a year from " + Inputs.MIN_YEAR + " to " + Inputs.MAX_YEAR));
        }
        byte[] content = null;
        if (input != null) {
            if (input.note() != null && (input.note().length() > 2000 || Inputs.forbiddenCharacter(input.note()) >= 0)) {
                errors.add(new FieldError("note", "up to 2000 characters, without control characters"));
            }
            if (input.link() != null && !input.link().isBlank() && (input.link().length() > 1000
                    || !input.link().matches("(?i)https?://\\S+") || !Inputs.isHttpUrl(input.link()))) {
                errors.add(new FieldError("link", "an http(s) address of the evidence, up to 1000 characters"));
            }
            if (input.attachment() != null) {
                AttachmentInput attachment = input.attachment();
                if (attachment.name() == null || attachment.name().isBlank() || attachment.name().length() > 200
                        || attachment.name().matches(".*[/\\\\].*") || Inputs.forbiddenCharacter(attachment.name()) >= 0
                        || attachment.name().strip().matches("\\.+")) {
                    errors.add(new FieldError("attachment.name", "a file name without folders, up to 200 characters"));
                }
                if (attachment.contentType() == null || attachment.contentType().length() > 100
                        || !attachment.contentType().matches("[\\w.+-]+/[\\w.+-]+")) {
                    errors.add(new FieldError("attachment.contentType", "a media type such as application/pdf or image/jpeg"));
                }
                try {
                    content = attachment.base64() == null ? null : Base64.getDecoder().decode(attachment.base64());
                } catch (IllegalArgumentException e) {
                    content = null;
                }
                if (content == null || content.length == 0) {
                    errors.add(new FieldError("attachment.base64", "the file's content in base64"));
                } else if (content.length > MAX_ATTACHMENT_BYTES) {
                    errors.add(new FieldError("attachment.base64", "a file of at most 1 MiB (this one has "
                            + content.length + " bytes); link larger evidence instead"));
                }
            }
            boolean evidence = (input.note() != null && !input.note().isBlank())
                    || (input.link() != null && !input.link().isBlank()) || input.attachment() != null;
            if (!evidence) {
                errors.add(new FieldError("note", "evidence: a note, a link or an attachment"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        agencies.agency(agencyCode);
        if (!actor.mayPlan(agencyCode)) {
            throw ProblemException.forbidden(actor.name() + " may not record realisation for agency " + agencyCode
                    + "; a sakip-planner assigned to it or an administrator does.");
        }
        Instant now = clock.instant();
        byte[] file = content;
        long indicatorId = database.write(em -> {
            Agreements.Item item = item(em, agencyCode, year, indicatorCode);
            int changed = update(em, "UPDATE sakip_realisation SET real_value = ?, note = ?, link = ?, recorded_by = ?,"
                            + " recorded_at = ? WHERE indicator_id = ? AND real_year = ? AND quarter = ?", input.value(),
                    blankToNull(input.note()), blankToNull(input.link()), actor.name(), timestamp(now),
                    item.indicatorId(), year, quarter);
            if (changed == 0) {
                update(em, "INSERT INTO sakip_realisation (indicator_id, real_year, quarter, real_value, note, link,"
                                + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", item.indicatorId(), year, quarter,
                        input.value(), blankToNull(input.note()), blankToNull(input.link()), actor.name(), timestamp(now));
            }
            if (file != null) {
                update(em, "UPDATE sakip_realisation SET attachment_name = ?, attachment_type = ?, attachment = ?"
                                + " WHERE indicator_id = ? AND real_year = ? AND quarter = ?", input.attachment().name().strip(),
                        input.attachment().contentType(), file, item.indicatorId(), year, quarter);
            }
            return item.indicatorId();
        });
        return list(agencyCode, year).stream().filter(r -> r.indicatorCode().equals(indicatorCode) && r.quarter() == quarter)
                .findFirst().orElseThrow(() -> new IllegalStateException("realisation of indicator " + indicatorId + " not stored"));
    }

    /** The indicator in the agreement in force, or why there is none. */
    private Agreements.Item item(EntityManager em, String agencyCode, int year, String indicatorCode) {
        Agreements.Agreement agreement = Agreements.inForce(database, em, agencyCode, year).orElseThrow(() -> ProblemException.conflict(
                "Agency " + agencyCode + " has no signed performance agreement for " + year
                        + "; realisation is measured against it: the agency head signs it first."));
        return agreement.item(indicatorCode).orElseThrow(() -> ProblemException.notFound("Indicator " + indicatorCode
                + " is not in version " + agreement.version() + " of the " + year + " performance agreement of agency "
                + agencyCode + "."));
    }

    /** Every recorded quarter of the year's agreement indicators, with its achievement against the year's target. */
    public List<Realisation> list(String agencyCode, int year) {
        agencies.agency(agencyCode);
        return database.read(em -> {
            Optional<Agreements.Agreement> agreement = Agreements.inForce(database, em, agencyCode, year);
            if (agreement.isEmpty()) {
                return List.<Realisation>of();
            }
            List<Realisation> result = new ArrayList<>();
            for (Agreements.Item item : agreement.get().indicators()) {
                rows(em, "SELECT quarter, real_value, note, link, attachment_name, attachment_type, recorded_by, recorded_at"
                        + " FROM sakip_realisation WHERE indicator_id = ? AND real_year = ? ORDER BY quarter",
                        item.indicatorId(), year).forEach(row -> {
                    BigDecimal value = decimal(row[1]);
                    result.add(new Realisation(item.indicatorCode(), year, integer(row[0]), value, achievement(item, value),
                            (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                            row[4] == null ? null : size(em, item.indicatorId(), year, integer(row[0])),
                            (String) row[6], database.shown(row[7])));
                });
            }
            return result;
        });
    }

    private static Integer size(EntityManager em, long indicatorId, int year, int quarter) {
        byte[] content = content(em, indicatorId, year, quarter);
        return content == null ? null : content.length;
    }

    private static byte[] content(EntityManager em, long indicatorId, int year, int quarter) {
        List<Object[]> found = rows(em, "SELECT attachment FROM sakip_realisation WHERE indicator_id = ? AND real_year = ?"
                + " AND quarter = ?", indicatorId, year, quarter);
        return found.isEmpty() ? null : bytes(found.get(0)[0]);
    }

    private static byte[] bytes(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof byte[] content) {
            return content;
        }
        if (column instanceof java.sql.Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("not binary: " + column.getClass());
    }

    public Attachment attachment(String agencyCode, int year, String indicatorCode, int quarter) {
        agencies.agency(agencyCode);
        return database.read(em -> {
            Agreements.Item item = item(em, agencyCode, year, indicatorCode);
            List<Object[]> found = rows(em, "SELECT attachment_name, attachment_type FROM sakip_realisation"
                    + " WHERE indicator_id = ? AND real_year = ? AND quarter = ? AND attachment_name IS NOT NULL",
                    item.indicatorId(), year, quarter);
            if (found.isEmpty()) {
                throw ProblemException.notFound("No attachment for indicator " + indicatorCode + " in quarter " + quarter
                        + " of " + year + " (agency " + agencyCode + ").");
            }
            return new Attachment((String) found.get(0)[0], (String) found.get(0)[1],
                    content(em, item.indicatorId(), year, quarter));
        });
    }

    /** Achievement of a value against the agreement's target for the year. */
    static Achievement achievement(Agreements.Item item, BigDecimal value) {
        return Achievement.of(item.direction(), value, item.target() != null ? item.target() : item.low(), item.high());
    }

    /** Every quarter's value of these indicators in the years up to and including {@code year}. */
    static List<Value> values(EntityManager em, List<Long> indicatorIds, int year) {
        List<Value> values = new ArrayList<>();
        for (long indicatorId : indicatorIds) {
            rows(em, "SELECT real_year, quarter, real_value FROM sakip_realisation WHERE indicator_id = ? AND real_year <= ?"
                    + " ORDER BY real_year, quarter", indicatorId, year)
                    .forEach(row -> values.add(new Value(indicatorId, integer(row[0]), integer(row[1]), decimal(row[2]))));
        }
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}

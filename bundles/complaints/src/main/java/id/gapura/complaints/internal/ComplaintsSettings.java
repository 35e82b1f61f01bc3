package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.DeadlineRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The region's settings for complaint handling, from {@code etc/id.gapura.complaints.cfg}; changes apply
 * to the next action without a restart. The deadline defaults are the SP4N-LAPOR! national ones.
 */
@Component(service = ComplaintsSettings.class, configurationPid = "id.gapura.complaints")
@Designate(ocd = ComplaintsSettings.Config.class)
public class ComplaintsSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintsSettings.class);

    @ObjectClassDefinition(name = "Gapura complaints", description = "Deadlines and public settings of complaint handling")
    public @interface Config {
        @AttributeDefinition(description = "Working days from submission to verification by the coordinator")
        int verificationDays() default 3;

        @AttributeDefinition(description = "Working days from disposition to the agency's first follow-up")
        int firstResponseDays() default 3;

        @AttributeDefinition(description = "Working days to answer information requests, aspirations and simple complaints")
        int simpleAnswerDays() default 5;

        @AttributeDefinition(description = "Working days to answer a complaint that needs investigation without a field check")
        int investigationDays() default 14;

        @AttributeDefinition(description = "Working days to answer a complaint that needs a field check")
        int fieldCheckDays() default 60;

        @AttributeDefinition(description = "Calendar days after closing during which the reporter may reopen a report")
        int reopenWindowDays() default 14;

        @AttributeDefinition(description = "Largest photo accepted, in bytes; also raise maxRequestBytes in etc/id.gapura.web.cfg above it")
        int maxPhotoBytes() default 1_000_000;

        @AttributeDefinition(description = "Open311 jurisdiction_id of this installation, e.g. karawangkab.go.id; empty accepts any")
        String jurisdictionId() default "";
    }

    private volatile DeadlineRules rules = DeadlineRules.nationalDefaults();
    private volatile Duration reopenWindow = Duration.ofDays(14);
    private volatile String jurisdictionId = "";
    private volatile int maxPhotoBytes = 1_000_000;

    public ComplaintsSettings() {
        // defaults until configured; tests use them as they are
    }

    @Activate
    @Modified
    void configure(Config config) {
        try {
            rules = new DeadlineRules(config.verificationDays(), config.firstResponseDays(), config.simpleAnswerDays(),
                    config.investigationDays(), config.fieldCheckDays());
        } catch (IllegalArgumentException e) {
            LOG.error("etc/id.gapura.complaints.cfg: {}; keeping the previous deadlines {}", e.getMessage(), rules);
        }
        reopenWindow = Duration.ofDays(Math.max(0, config.reopenWindowDays()));
        jurisdictionId = config.jurisdictionId().trim();
        maxPhotoBytes = Math.max(1, config.maxPhotoBytes());
    }

    public int maxPhotoBytes() {
        return maxPhotoBytes;
    }

    public DeadlineRules rules() {
        return rules;
    }

    public Duration reopenWindow() {
        return reopenWindow;
    }

    /** Empty when the installation does not check jurisdiction ids. */
    public String jurisdictionId() {
        return jurisdictionId;
    }
}

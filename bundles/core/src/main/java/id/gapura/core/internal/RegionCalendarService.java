package id.gapura.core.internal;

import id.gapura.api.time.HolidayCalendar;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The region's zone and holidays from {@code etc/id.gapura.region.cfg}; changes apply without a restart. */
@Component(service = RegionCalendar.class, configurationPid = "id.gapura.region")
@Designate(ocd = RegionCalendarService.Config.class)
public class RegionCalendarService implements RegionCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(RegionCalendarService.class);

    @ObjectClassDefinition(name = "Gapura region calendar",
            description = "The region's time zone and non-working days, for service-level deadlines")
    public @interface Config {
        @AttributeDefinition(description = "Time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)")
        String zone() default "Asia/Jakarta";

        @AttributeDefinition(description = "Non-working days besides Saturdays and Sundays, as yyyy-MM-dd")
        String[] holidays() default {};
    }

    private volatile WorkingDays workingDays = new WorkingDays(HolidayCalendar.weekendsOnly());

    @Activate
    @Modified
    void configure(Config config) {
        workingDays = parse(config);
    }

    @Override
    public WorkingDays workingDays() {
        return workingDays;
    }

    /** Invalid entries are skipped with a log line naming them, so one typo does not stop every module. */
    static WorkingDays parse(Config config) {
        ZoneId zone = WorkingDays.DEFAULT_ZONE;
        try {
            zone = ZoneId.of(config.zone().trim());
        } catch (DateTimeException e) {
            LOG.error("etc/id.gapura.region.cfg: zone '{}' is not a time zone id; using {}. Use Asia/Jakarta, "
                    + "Asia/Makassar or Asia/Jayapura.", config.zone(), zone);
        }
        List<LocalDate> holidays = new ArrayList<>();
        for (String entry : config.holidays()) {
            for (String day : entry.split(",")) {
                if (day.isBlank()) {
                    continue;
                }
                try {
                    holidays.add(LocalDate.parse(day.trim()));
                } catch (DateTimeException e) {
                    LOG.error("etc/id.gapura.region.cfg: holiday '{}' is not a date (yyyy-MM-dd); it is ignored.",
                            day.trim());
                }
            }
        }
        return new WorkingDays(new HolidayCalendar(holidays), zone);
    }
}

package id.gapura.api.time;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The region's calendar, configured once for all modules by the administrator (time zone and holidays in
 * {@code etc/id.gapura.region.cfg}). Modules ask for {@link #workingDays()} each time they compute a deadline,
 * so a holiday added at run time counts from then on.
 */
@ProviderType
public interface RegionCalendar {

    /** Working-day arithmetic in the region's zone, with the holidays as configured now. */
    WorkingDays workingDays();
}

/**
 * The region's calendar: its time zone (WIB, WITA or WIT) and its non-working days, and working-day
 * arithmetic for service-level deadlines (complaint handling, permit processing).
 */
@Export
@Version("1.0.0")
package id.gapura.api.time;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

package id.gapura.core.internal;

import id.gapura.api.time.RegionCalendar;
import id.gapura.core.agreement.AgreementFormat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The installation's settings in {@code etc/id.gapura.core.cfg}: which region it is and whose keys it trusts.
 * The region's zone is the region calendar's ({@code etc/id.gapura.region.cfg}), one setting for everything.
 */
@Component(service = PlatformSettings.class, configurationPid = PlatformSettings.PID)
@Designate(ocd = PlatformSettings.Config.class)
public class PlatformSettings {

    static final String PID = "id.gapura.core";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformSettings.class);

    @ObjectClassDefinition(name = "Gapura platform", description = "The region this installation serves")
    public @interface Config {
        @AttributeDefinition(name = "Region code", description = "Kemendagri code of this region (3215 or 32.15); "
                + "agreements for another region are refused. Empty: not checked.")
        String region_code() default "";

        @AttributeDefinition(name = "Trusted provider keys", description = "Folder of the providers' public keys "
                + "(<provider code>-<label>.pem). Empty: etc/gapura/trusted-keys of the installation.")
        String agreement_trustedKeys() default "";
    }

    @Reference
    private RegionCalendar calendar;

    private volatile Optional<String> regionCode = Optional.empty();
    private volatile Path trustedKeys = defaultTrustedKeys();

    @Activate
    @Modified
    void configure(Config config) {
        String code = config.region_code().strip();
        if (code.isEmpty()) {
            regionCode = Optional.empty();
        } else if (AgreementFormat.isRegionCode(code)) {
            regionCode = Optional.of(AgreementFormat.normalizeRegionCode(code));
        } else {
            LOG.error("region.code '{}' in etc/{}.cfg is not a Kemendagri code like 3215; the region is not checked",
                    code, PID);
            regionCode = Optional.empty();
        }
        String folder = config.agreement_trustedKeys().strip();
        trustedKeys = folder.isEmpty() ? defaultTrustedKeys() : base().resolve(folder);
    }

    public Optional<String> regionCode() {
        return regionCode;
    }

    /** The region's zone: agreement dates and audit times are read and shown in it. */
    public ZoneId zone() {
        return calendar.workingDays().zone();
    }

    public Path trustedKeys() {
        return trustedKeys;
    }

    /** A path an administrator typed: relative paths are relative to the installation folder. */
    public Path resolve(String path) {
        return base().resolve(path).normalize();
    }

    private static Path base() {
        return Path.of(System.getProperty("karaf.base", ".")).toAbsolutePath();
    }

    private static Path defaultTrustedKeys() {
        return Path.of(System.getProperty("karaf.etc", base().resolve("etc").toString()))
                .resolve("gapura").resolve("trusted-keys");
    }
}

package id.gapura.permits.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The module's settings from {@code etc/id.gapura.permits.cfg}; changes apply without a restart. */
@Component(service = PermitSettings.class, configurationPid = "id.gapura.permits")
@Designate(ocd = PermitSettings.Config.class)
public class PermitSettings {

    @ObjectClassDefinition(name = "Gapura permits", description = "Settings of the permits module (perizinan)")
    public @interface Config {
        @AttributeDefinition(description = "The issuing office, for {office} in permit number formats")
        String office() default "DPMPTSP";

        @AttributeDefinition(description = "Working days left at which an application counts as nearing its deadline")
        int nearingDays() default 3;
    }

    private volatile String office = "DPMPTSP";
    private volatile int nearingDays = 3;

    @Activate
    @Modified
    void configure(Config config) {
        office = config.office() == null || config.office().isBlank() ? "DPMPTSP" : config.office().trim();
        nearingDays = Math.max(0, config.nearingDays());
    }

    public String office() {
        return office;
    }

    public int nearingDays() {
        return nearingDays;
    }
}

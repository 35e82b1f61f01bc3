package id.gapura.core.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * The set of modules the region wants installed, kept in the database so that it survives a restart,
 * {@code bin/karaf clean} and a move to another node.
 */
@Component(service = DesiredModuleState.class)
public class DesiredModuleState {

    private final JpaTemplate jpa;
    private final Clock clock = Clock.systemUTC();

    /** The platform database reference makes sure the platform tables are migrated before first use. */
    @Activate
    public DesiredModuleState(@Reference(target = "(osgi.unit.name=gapura)") JpaTemplate jpa,
                              @Reference PlatformDatabase database) {
        this.jpa = jpa;
    }

    public void record(String moduleId, boolean installed, String version, String actor) {
        jpa.tx(TransactionType.Required, em -> {
            ModuleStateRecord state = em.find(ModuleStateRecord.class, moduleId);
            boolean first = state == null;
            if (first) {
                state = new ModuleStateRecord(moduleId);
            }
            state.change(installed, version, clock.instant(), actor);
            if (first) {
                em.persist(state);
            }
        });
    }

    /** The modules the region wants installed, each with the version it was last installed or upgraded to. */
    public Map<String, String> wantedVersions() {
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<String, String> wanted = new TreeMap<>();
            em.createQuery("select s.moduleId, s.version from ModuleStateRecord s where s.installed = true",
                    Object[].class).getResultList().forEach(row -> wanted.put((String) row[0], (String) row[1]));
            return wanted;
        });
    }
}

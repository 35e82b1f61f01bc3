package id.gapura.core.agreement;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cooperation agreement (PKS, perjanjian kerja sama) as signed by the provider: which applications of the
 * provider the region may use, and for how long. Dates are calendar dates in the region's zone; the agreement
 * is in force from the start of {@code validFrom} to the end of {@code validUntil}.
 *
 * @param number     the agreement's number, e.g. {@code 180/PKS.12-Diskominfo/2026}; unique
 * @param mou        the number of the memorandum of understanding it implements, when given
 * @param provider   the region that provides the applications and signs
 * @param region     the region that may use them
 * @param signedOn   the signing date
 * @param validFrom  first day in force
 * @param validUntil last day in force
 * @param modules    the modules covered, at least one
 */
public record Agreement(String number, Optional<String> mou, Party provider, Party region, LocalDate signedOn,
                        LocalDate validFrom, LocalDate validUntil, List<CoveredModule> modules) {

    public Agreement {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(mou, "mou");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(signedOn, "signedOn");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        modules = List.copyOf(modules);
    }

    /**
     * A regional government by its Kemendagri code: two digits for a province ({@code 36}), four for a
     * regency or city ({@code 3671}); kept without the dot that the official notation puts after the province.
     */
    public record Party(String name, String code) {
        public Party {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String toString() {
            return name + " (" + code + ")";
        }
    }

    /**
     * One module the region may use.
     *
     * @param id       the module id ({@code complaints})
     * @param versions the module (bundle) versions allowed, in OSGi range syntax: {@code [0.1,1)}
     * @param config   configuration defaults for the module, set where the region has not set them itself
     */
    public record CoveredModule(String id, VersionRange versions, Map<String, String> config) {
        public CoveredModule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(versions, "versions");
            config = Map.copyOf(config);
        }

        public boolean allows(Version version) {
            return versions.includes(version);
        }
    }

    public Optional<CoveredModule> module(String id) {
        return modules.stream().filter(module -> module.id().equals(id)).findFirst();
    }

    /** Where the agreement stands on a day. */
    public Validity validityOn(LocalDate day) {
        if (day.isBefore(validFrom)) {
            return Validity.NOT_YET_VALID;
        }
        return day.isAfter(validUntil) ? Validity.EXPIRED : Validity.IN_FORCE;
    }

    public enum Validity {
        NOT_YET_VALID, IN_FORCE, EXPIRED
    }
}

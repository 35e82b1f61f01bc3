package id.gapura.core.agreement;

import id.gapura.core.agreement.Agreement.CoveredModule;
import org.osgi.framework.Version;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which modules the region's imported agreements cover today. A module is covered when an active agreement
 * lists it; a version is allowed when it lies within the range of one of those agreements. Agreements that
 * expired, are not yet valid or no longer verify cover nothing, but are named in the explanations.
 */
public final class Coverage {

    private final List<StoredAgreement> agreements;

    public Coverage(List<StoredAgreement> agreements) {
        this.agreements = List.copyOf(agreements);
    }

    public List<StoredAgreement> agreements() {
        return agreements;
    }

    /** Active agreements listing the module, newest signature first. */
    public List<StoredAgreement> activeFor(String moduleId) {
        return agreements.stream()
                .filter(StoredAgreement::active)
                .filter(stored -> stored.agreement().module(moduleId).isPresent())
                .sorted(Comparator.comparing((StoredAgreement stored) -> stored.agreement().signedOn()).reversed())
                .toList();
    }

    /** Agreements listing the module that do not count today. */
    public List<StoredAgreement> inactiveFor(String moduleId) {
        return agreements.stream()
                .filter(stored -> !stored.active())
                .filter(stored -> stored.agreement().module(moduleId).isPresent())
                .toList();
    }

    /** Ids of the modules some active agreement covers, sorted. */
    public Set<String> coveredIds() {
        return agreements.stream().filter(StoredAgreement::active)
                .flatMap(stored -> stored.agreement().modules().stream())
                .map(CoveredModule::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean covers(String moduleId) {
        return !activeFor(moduleId).isEmpty();
    }

    public boolean allows(String moduleId, Version version) {
        return activeFor(moduleId).stream()
                .anyMatch(stored -> stored.agreement().module(moduleId).orElseThrow().allows(version));
    }

    /** The newest available version an active agreement allows. */
    public Optional<Version> newestAllowed(String moduleId, Collection<Version> available) {
        return available.stream().filter(version -> allows(moduleId, version)).max(Comparator.naturalOrder());
    }

    /** The allowed ranges, for messages: {@code [0.1,1) (180/PKS.12-Diskominfo/2026)}. */
    public String ranges(String moduleId) {
        return activeFor(moduleId).stream()
                .map(stored -> stored.agreement().module(moduleId).orElseThrow().versions() + " (" + stored.number() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Configuration defaults for a module from its active agreements; where two agreements set the same key,
     * the one signed last wins.
     */
    public Map<String, String> configDefaults(String moduleId) {
        Map<String, String> defaults = new LinkedHashMap<>();
        List<StoredAgreement> newestFirst = activeFor(moduleId);
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            defaults.putAll(newestFirst.get(i).agreement().module(moduleId).orElseThrow().config());
        }
        return defaults;
    }

    /**
     * The text of the Agreement column of {@code module:list}: the covering agreement's number, or why the
     * module is not covered.
     */
    public String describe(String moduleId, Optional<Version> installed) {
        List<StoredAgreement> active = activeFor(moduleId);
        if (!active.isEmpty()) {
            String numbers = active.stream().map(StoredAgreement::number).collect(Collectors.joining(", "));
            if (installed.isPresent() && !allows(moduleId, installed.get())) {
                return numbers + " (version outside " + active.stream()
                        .map(stored -> stored.agreement().module(moduleId).orElseThrow().versions().toString())
                        .collect(Collectors.joining(" or ")) + ")";
            }
            return numbers;
        }
        return inactiveFor(moduleId).stream().findFirst()
                .map(stored -> "none (" + stored.number() + " " + stored.describeStanding() + ")")
                .orElse("none");
    }

    /** Why a module is not covered: one sentence naming the agreements that list it but do not count. */
    public String whyNotCovered(String moduleId) {
        List<StoredAgreement> inactive = inactiveFor(moduleId);
        if (inactive.isEmpty()) {
            return "no active cooperation agreement covers it";
        }
        return "it is listed only in " + inactive.stream()
                .map(stored -> "agreement " + stored.number() + ", which is " + stored.describeStanding())
                .collect(Collectors.joining("; and in "));
    }

    /**
     * Whether {@code module:install} may install a module, and which version.
     *
     * @param available the versions the distribution has, any order
     */
    public InstallDecision decideInstall(String moduleId, Collection<Version> available) {
        if (!covers(moduleId)) {
            return new InstallDecision(Optional.empty(), Optional.of("Module '" + moduleId + "' is not covered: "
                    + whyNotCovered(moduleId) + "."));
        }
        Optional<Version> version = newestAllowed(moduleId, available);
        if (version.isEmpty()) {
            return new InstallDecision(Optional.empty(), Optional.of("Module '" + moduleId + "' is covered for "
                    + ranges(moduleId) + ", but this distribution has only " + available.stream()
                    .sorted().map(Version::toString).collect(Collectors.joining(", ")) + "."));
        }
        return new InstallDecision(version, Optional.empty());
    }

    /** Whether a module may be installed at a version asked for (by {@code agreement:apply}, or the desired state). */
    public InstallDecision decideInstall(String moduleId, Version version) {
        if (!covers(moduleId)) {
            return new InstallDecision(Optional.of(version), Optional.of("Module '" + moduleId + "' is not covered: "
                    + whyNotCovered(moduleId) + "."));
        }
        if (!allows(moduleId, version)) {
            return new InstallDecision(Optional.of(version), Optional.of("Version " + version + " of module '"
                    + moduleId + "' is outside what its agreements allow: " + ranges(moduleId) + "."));
        }
        return new InstallDecision(Optional.of(version), Optional.empty());
    }

    /**
     * Which version {@code module:upgrade} may take a module to: the one asked for, or else the newest available
     * above the installed one that an active agreement allows. A version outside every active agreement's range
     * is refused (the decision still names it, for {@code --force}). Without a newer version the decision is
     * empty, and the module manager says that the module is at the newest version.
     */
    public InstallDecision decideUpgrade(String moduleId, Version installed, Optional<Version> wanted,
                                         Collection<Version> available) {
        List<Version> newer = available.stream().filter(version -> version.compareTo(installed) > 0).toList();
        Optional<Version> target = wanted.or(() -> newestAllowed(moduleId, newer))
                .or(() -> newer.stream().max(Comparator.naturalOrder()));
        if (target.isEmpty() || allows(moduleId, target.get())) {
            return new InstallDecision(target, Optional.empty());
        }
        return new InstallDecision(target, Optional.of(covers(moduleId)
                ? "Version " + target.get() + " of module '" + moduleId + "' is outside what its agreements allow: "
                + ranges(moduleId) + "."
                : "Module '" + moduleId + "' is not covered: " + whyNotCovered(moduleId) + "."));
    }

    /**
     * @param version the version to install when allowed (or when an override installs it anyway)
     * @param refusal why not, when not
     */
    public record InstallDecision(Optional<Version> version, Optional<String> refusal) {
        public boolean allowed() {
            return refusal.isEmpty();
        }
    }
}

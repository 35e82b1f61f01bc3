package id.gapura.core.agreement;

import org.osgi.framework.Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code agreement:apply} changes so that the installed modules match the active agreements: configuration
 * defaults first, then installs, then (with prune) uninstalls. Computed from facts only, so that a dry run
 * shows exactly what a real run does. Applying a plan and computing it again gives an empty plan.
 *
 * @param steps the changes, in the order they are made
 * @param notes what the plan does not change and the administrator should know
 */
public record ApplyPlan(List<Step> steps, List<String> notes) {

    public ApplyPlan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** One change. */
    public sealed interface Step permits Configure, Install, Uninstall {
        String moduleId();

        /** One line for the administrator, e.g. {@code install complaints 0.1.0 (agreement 180/...)}. */
        String describe();
    }

    /** Sets the configuration keys the module does not have yet, in its configuration {@code id.gapura.<id>}. */
    public record Configure(String moduleId, Map<String, String> values, String agreements) implements Step {
        public Configure {
            values = Map.copyOf(values);
        }

        @Override
        public String describe() {
            return "configure " + moduleId + ": " + new java.util.TreeMap<>(values).entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "))
                    + " (defaults from agreement " + agreements + ")";
        }
    }

    public record Install(String moduleId, Version version, String agreements) implements Step {
        @Override
        public String describe() {
            return "install " + moduleId + " " + version + " (agreement " + agreements + ")";
        }
    }

    public record Uninstall(String moduleId, Version version, String reason) implements Step {
        @Override
        public String describe() {
            return "uninstall " + moduleId + " " + version + " (" + reason + "; its data stays)";
        }
    }

    /**
     * @param coverage       the agreements as they stand today
     * @param installed      installed modules and their versions
     * @param catalog        every module of the distribution with its available versions
     * @param configuredKeys per module, the configuration keys it has already
     * @param prune          whether to uninstall installed modules that no active agreement covers
     */
    public static ApplyPlan compute(Coverage coverage, Map<String, Version> installed,
                                    Map<String, List<Version>> catalog, Map<String, Set<String>> configuredKeys,
                                    boolean prune) {
        List<Step> configure = new ArrayList<>();
        List<Step> install = new ArrayList<>();
        List<Step> uninstall = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String id : coverage.coveredIds()) {
            String numbers = coverage.activeFor(id).stream().map(StoredAgreement::number)
                    .collect(Collectors.joining(", "));
            Map<String, String> missing = new LinkedHashMap<>(coverage.configDefaults(id));
            missing.keySet().removeAll(configuredKeys.getOrDefault(id, Set.of()));
            Version current = installed.get(id);
            if (current == null) {
                List<Version> available = catalog.get(id);
                if (available == null) {
                    notes.add("cannot install " + id + ": agreement " + numbers + " covers it, but this "
                            + "distribution does not have it");
                    continue;
                }
                Optional<Version> version = coverage.newestAllowed(id, available);
                if (version.isEmpty()) {
                    notes.add("cannot install " + id + ": no available version (" + available.stream()
                            .map(Version::toString).collect(Collectors.joining(", ")) + ") is within "
                            + coverage.ranges(id));
                    continue;
                }
                if (!missing.isEmpty()) {
                    configure.add(new Configure(id, missing, numbers));
                }
                install.add(new Install(id, version.get(), numbers));
            } else {
                if (!coverage.allows(id, current)) {
                    notes.add(id + " " + current + " is installed, but agreement " + coverage.ranges(id)
                            + " allows other versions: upgrade or reinstall it");
                }
                if (!missing.isEmpty()) {
                    configure.add(new Configure(id, missing, numbers));
                }
            }
        }
        for (Map.Entry<String, Version> module : new java.util.TreeMap<>(installed).entrySet()) {
            String id = module.getKey();
            if (coverage.covers(id)) {
                continue;
            }
            String why = coverage.whyNotCovered(id);
            if (prune) {
                uninstall.add(new Uninstall(id, module.getValue(), why));
            } else {
                notes.add("keep " + id + " " + module.getValue() + ": " + why
                        + " (agreement:apply --prune uninstalls it)");
            }
        }
        List<Step> steps = new ArrayList<>(configure);
        steps.addAll(install);
        steps.addAll(uninstall);
        return new ApplyPlan(steps, notes);
    }

    /** Makes one step; returns one line saying what was done. */
    @FunctionalInterface
    public interface StepRunner {
        String run(Step step) throws Exception;
    }

    /**
     * What running the plan did.
     *
     * @param done    one line per step done, in order
     * @param failure the step that failed and why
     * @param notDone the steps not attempted after the failure
     */
    public record Execution(List<String> done, Optional<String> failure, List<Step> notDone) {
    }

    /**
     * Runs the steps in order and stops at the first that fails: each step is complete or undone by itself,
     * so the container is consistent, and running the plan again (computed anew) continues where this stopped.
     */
    public Execution execute(StepRunner runner) {
        List<String> done = new ArrayList<>();
        List<Step> notDone = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        for (Step step : steps) {
            if (failure.isPresent()) {
                notDone.add(step);
                continue;
            }
            try {
                done.add(runner.run(step));
            } catch (Exception e) {
                failure = Optional.of(step.describe() + ": " + Optional.ofNullable(e.getMessage())
                        .orElse(e.getClass().getSimpleName()));
            }
        }
        return new Execution(List.copyOf(done), failure, List.copyOf(notDone));
    }

    /** The modules the plan touches, sorted. */
    public Set<String> moduleIds() {
        return steps.stream().map(Step::moduleId).collect(Collectors.toCollection(TreeSet::new));
    }
}

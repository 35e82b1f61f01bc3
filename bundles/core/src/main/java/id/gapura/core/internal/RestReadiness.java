package id.gapura.core.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tells whether a module serves: its components are satisfied and the JAX-RS whiteboard deploys its resources;
 * and describes what the whiteboard serves.
 */
@Component(service = RestReadiness.class)
public class RestReadiness {

    private volatile JaxrsServiceRuntime runtime;

    /** Counts what may change whether a module serves: whiteboard changes, module services, component states. */
    private long changes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime components;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, updated = "runtimeChanged")
    void bindRuntime(JaxrsServiceRuntime bound) {
        runtime = bound;
        changed();
    }

    /** The whiteboard bumps its runtime service's {@code service.changecount} whenever what it serves changes. */
    void runtimeChanged(JaxrsServiceRuntime updated) {
        changed();
    }

    void unbindRuntime(JaxrsServiceRuntime unbound) {
        if (runtime == unbound) {
            runtime = null;
        }
        changed();
    }

    /** Something that may decide whether a module serves has changed: wakes whoever {@link #awaitChange}s. */
    public synchronized void changed() {
        changes++;
        notifyAll();
    }

    /** The number of changes so far, to pass to {@link #awaitChange}. */
    public synchronized long changes() {
        return changes;
    }

    /**
     * Waits until something changed after {@code seen}, or at most {@code patience}: a component's failed
     * activation raises no event, so the caller looks again after that in any case.
     */
    public synchronized void awaitChange(long seen, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (changes == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Whether some deployed resource method lies under the path, e.g. {@code /api/complaints}. */
    public boolean serves(String basePath) {
        JaxrsServiceRuntime current = runtime;
        if (current == null) {
            return false;
        }
        String wanted = normalize(basePath) + "/";
        RuntimeDTO dto = current.getRuntimeDTO();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(dto.applicationDTOs));
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        for (ApplicationDTO application : applications) {
            String base = normalize(application.base);
            for (ResourceDTO resource : application.resourceDTOs) {
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    if ((base + normalize(method.path) + "/").startsWith(wanted)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * What keeps the bundle from serving: its components that are not satisfied (a resource whose references
     * are missing is not even registered), and the JAX-RS resources it registered that the whiteboard does not
     * serve (yet), each named with why. Empty when it serves everything it declares.
     */
    public List<String> notServing(Bundle bundle) {
        List<String> problems = new ArrayList<>(unsatisfiedComponents(bundle));
        problems.addAll(undeployedResources(bundle));
        return problems;
    }

    /**
     * The first component of the bundle whose activation threw (a failed schema migration, typically), with
     * the first line of why; empty while none did.
     */
    public Optional<String> activationFailure(Bundle bundle) {
        ServiceComponentRuntime current = components;
        if (current == null) {
            return Optional.empty();
        }
        for (ComponentDescriptionDTO description : current.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : current.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String failure = configuration.failure == null ? "" : configuration.failure.strip();
                    int newline = failure.indexOf('\n');
                    String line = newline < 0 ? failure : failure.substring(0, newline).strip();
                    // "java.lang.IllegalStateException: Migration ... failed" -> "Migration ... failed"
                    return Optional.of("component " + description.name + " failed to activate: "
                            + line.replaceFirst("^([\\w$]+\\.)+[\\w$]*(Exception|Error): ", ""));
                }
            }
        }
        return Optional.empty();
    }

    private List<String> unsatisfiedComponents(Bundle bundle) {
        ServiceComponentRuntime current = components;
        if (current == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : current.getComponentDescriptionDTOs(bundle)) {
            if (!current.isComponentEnabled(description)) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = current.getComponentConfigurationDTOs(description);
            boolean satisfied = !configurations.isEmpty() && configurations.stream().allMatch(
                    configuration -> configuration.state == ComponentConfigurationDTO.SATISFIED
                            || configuration.state == ComponentConfigurationDTO.ACTIVE);
            if (!satisfied) {
                problems.add("component " + description.name + " not satisfied");
            }
        }
        return problems;
    }

    private List<String> undeployedResources(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return List.of();
        }
        Map<Long, String> resources = new LinkedHashMap<>();
        for (ServiceReference<?> reference : registered) {
            if (Boolean.parseBoolean(String.valueOf(reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_RESOURCE)))) {
                Object name = reference.getProperty("component.name");
                resources.put((Long) reference.getProperty(Constants.SERVICE_ID),
                        String.valueOf(name != null ? name : reference.getProperty(Constants.OBJECTCLASS)));
            }
        }
        JaxrsServiceRuntime current = runtime;
        if (resources.isEmpty()) {
            return List.of();
        }
        if (current == null) {
            return List.of("the JAX-RS whiteboard is not running");
        }
        RuntimeDTO dto = current.getRuntimeDTO();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(dto.applicationDTOs));
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        for (ApplicationDTO application : applications) {
            for (ResourceDTO resource : application.resourceDTOs) {
                resources.remove(resource.serviceId);
            }
        }
        Map<Long, Integer> failed = new LinkedHashMap<>();
        for (FailedResourceDTO failure : dto.failedResourceDTOs) {
            failed.put(failure.serviceId, failure.failureReason);
        }
        return resources.entrySet().stream()
                .map(resource -> resource.getValue() + (failed.containsKey(resource.getKey())
                        ? " failed (reason " + failed.get(resource.getKey()) + ")" : " not deployed yet"))
                .toList();
    }

    /** Deployed and failed applications and resources, for an administrator chasing a missing endpoint. */
    public List<String> describe() {
        JaxrsServiceRuntime current = runtime;
        List<String> lines = new ArrayList<>();
        if (current == null) {
            lines.add("The JAX-RS whiteboard is not running.");
            return lines;
        }
        RuntimeDTO dto = current.getRuntimeDTO();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(dto.applicationDTOs));
        if (dto.defaultApplication != null) {
            applications.add(0, dto.defaultApplication);
        }
        for (ApplicationDTO application : applications) {
            lines.add("application " + application.name + " at " + application.base + ": "
                    + Arrays.stream(application.resourceMethods).map(m -> m.method + " " + m.path)
                    .collect(Collectors.joining(", ")));
            for (ResourceDTO resource : application.resourceDTOs) {
                lines.add("  resource " + resource.name + " (service " + resource.serviceId + "): "
                        + Arrays.stream(resource.resourceMethods).map(m -> m.method + " " + m.path)
                        .collect(Collectors.joining(", ")));
            }
        }
        for (FailedApplicationDTO failed : dto.failedApplicationDTOs) {
            lines.add("FAILED application " + failed.name + " at " + failed.base + ": reason " + failed.failureReason);
        }
        for (FailedResourceDTO failed : dto.failedResourceDTOs) {
            lines.add("FAILED resource " + failed.name + " (service " + failed.serviceId + "): reason "
                    + failed.failureReason);
        }
        for (FailedExtensionDTO failed : dto.failedExtensionDTOs) {
            lines.add("FAILED extension " + failed.name + " (service " + failed.serviceId + "): reason "
                    + failed.failureReason);
        }
        return lines;
    }

    private static String normalize(String path) {
        String normalized = path == null ? "" : path.strip();
        if (normalized.equals("/")) {
            return "";
        }
        if (normalized.endsWith("/*")) {
            normalized = normalized.substring(0, normalized.length() - 2);
        }
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized.startsWith("/") ? normalized : "/" + normalized;
    }
}

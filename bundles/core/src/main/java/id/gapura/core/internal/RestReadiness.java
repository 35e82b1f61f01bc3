package id.gapura.core.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Tells whether the JAX-RS whiteboard serves resources under a path, and describes what it serves. */
@Component(service = RestReadiness.class)
public class RestReadiness {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JaxrsServiceRuntime runtime;

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

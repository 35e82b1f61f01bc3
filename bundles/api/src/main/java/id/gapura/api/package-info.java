/**
 * The contract between the Gapura platform and a government module.
 * <p>
 * A module declares itself in its bundle manifest ({@link id.gapura.api.spi.ModuleDescriptor}), registers a
 * {@link id.gapura.api.GapuraModule} service once the platform has migrated its schema ({@link id.gapura.api.ModuleSchema}),
 * reports failures to REST callers by throwing {@link id.gapura.api.ProblemException}, and marks each REST
 * resource {@link id.gapura.api.Public} or {@link id.gapura.api.RolesAllowed}. Administrative actions are
 * recorded in the region's {@link id.gapura.api.AuditLog}.
 */
@Export
@Version("2.0.0")
package id.gapura.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

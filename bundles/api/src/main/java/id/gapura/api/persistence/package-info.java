/**
 * A module's access to its own tables: its {@link id.gapura.api.persistence.ModuleDatabase} component over the
 * Aries JPA template of its persistence unit, and {@link id.gapura.api.persistence.NativeQueries} for plain SQL
 * with positional parameters.
 */
@Export
@Version("1.0.0")
package id.gapura.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * What only the platform's own bundles (core, web) provide and use: the module catalog and its states, the audit
 * log's queries, the access tokens (bearer tokens and back-office sessions) and the schema migrator. A module never
 * imports this package; the module API a module author reads is {@code id.gapura.api} and its other subpackages.
 */
@Export
@Version("1.0.0")
package id.gapura.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

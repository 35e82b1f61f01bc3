/**
 * Bounds for what callers send, checked before any arithmetic or database write: {@link
 * id.gapura.api.validation.Inputs} collects every field's problem and ends in one 422
 * ({@link id.gapura.api.ProblemException#invalid}) naming each field as the caller sent it.
 */
@Export
@Version("1.0.0")
package id.gapura.api.validation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

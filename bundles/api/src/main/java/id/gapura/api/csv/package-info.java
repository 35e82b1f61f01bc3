/**
 * The one CSV writer of every module ({@link id.gapura.api.csv.CsvWriter}): RFC 4180, and cells a
 * spreadsheet would run as a formula neutralised.
 */
@Export
@Version("1.0.0")
package id.gapura.api.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

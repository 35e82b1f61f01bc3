/**
 * What other modules may read of the region's budget (SAKIP shows budget and absorption per programme):
 * {@link id.gapura.budgeting.api.BudgetFigures}, an OSGi service while the budgeting module is installed.
 */
@Export
@Version("1.0.0")
package id.gapura.budgeting.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

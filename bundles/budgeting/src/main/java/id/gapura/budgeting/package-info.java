/**
 * The e-budgeting module (APBD planning) of a region: reference data per Permendagri 90/2019, ceilings, budget
 * lines through TAPD verification and agency head validation to a locked DPA, versions, reports and the Fiscal
 * Data Package export. Only {@code api} is exported.
 */
package id.gapura.budgeting;

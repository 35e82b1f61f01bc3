/**
 * The permits module (perizinan) of a regional one-stop service office (DPMPTSP): the region's permit types,
 * applications along the workflow in {@code workflow} with a working-day service-level clock, fees, permit
 * numbers and public verification. Nothing is exported.
 */
package id.gapura.permits;

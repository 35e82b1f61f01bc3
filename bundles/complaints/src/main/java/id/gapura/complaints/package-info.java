/**
 * The citizen complaints module (pengaduan masyarakat): reports with tracking numbers, handled along the
 * SP4N-LAPOR! flow ({@code workflow}) with working-day deadlines. Nothing is exported.
 */
package id.gapura.complaints;

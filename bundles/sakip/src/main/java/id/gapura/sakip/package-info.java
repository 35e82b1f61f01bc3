/**
 * The SAKIP module (Sistem Akuntabilitas Kinerja Instansi Pemerintah) of a region: Renstra and indicators,
 * performance agreements, quarterly realisation and achievement, the LKjIP and the LKE evaluation grade.
 * Nothing is exported; budget figures come in through {@code id.gapura.budgeting.api}.
 */
package id.gapura.sakip;

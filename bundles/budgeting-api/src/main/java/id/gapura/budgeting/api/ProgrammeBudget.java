package id.gapura.budgeting.api;

import java.math.BigDecimal;

/**
 * The budget of one programme of an agency in a fiscal year, from the DPA in force.
 *
 * @param version     the locked DPA version the figures come from (1 = murni, higher = perubahan/pergeseran)
 * @param budget      the sum of the programme's budget lines, exact rupiah
 * @param realisation spent so far in the year against the programme (payments less reversals), exact rupiah; never
 *                    null (zero while nothing is spent); never more than {@code budget}, as payments over a DPA
 *                    line's budget are refused and a new DPA version cannot budget less than was spent
 */
public record ProgrammeBudget(String agencyCode, int year, int version, String programmeCode, String programmeName,
                              BigDecimal budget, BigDecimal realisation) {
}

package id.gapura.budgeting.api;

import java.util.List;

/**
 * Budget per programme for other modules. Figures come from the newest locked DPA version of the year; a year
 * without a locked DPA has no figures yet. Realisation is not recorded by the budgeting module in this version:
 * {@link ProgrammeBudget#realisation()} is null.
 */
public interface BudgetFigures {

    /** The agency's programmes with their budget, by programme code; empty when the year has no locked DPA. */
    List<ProgrammeBudget> byProgramme(String agencyCode, int year);

    /** Every agency's programmes with their budget in the year. */
    List<ProgrammeBudget> byProgramme(int year);
}

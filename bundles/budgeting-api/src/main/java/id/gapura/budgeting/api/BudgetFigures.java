package id.gapura.budgeting.api;

import java.util.List;

/**
 * Budget and realisation per programme for other modules. Budget figures come from the newest locked DPA version
 * of the year (the DPA in force); a year without a locked DPA has no figures yet. Realisation is what the budgeting
 * module has recorded as spent against the DPA of the year (payments less reversing corrections), whichever DPA
 * version was in force when each payment was recorded: {@link ProgrammeBudget#realisation()} is never null, zero
 * while nothing is spent. Absorption is {@code realisation / budget}.
 */
public interface BudgetFigures {

    /** The agency's programmes with their budget, by programme code; empty when the year has no locked DPA. */
    List<ProgrammeBudget> byProgramme(String agencyCode, int year);

    /** Every agency's programmes with their budget in the year. */
    List<ProgrammeBudget> byProgramme(int year);
}

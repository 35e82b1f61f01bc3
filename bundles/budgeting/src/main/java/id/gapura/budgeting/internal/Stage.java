package id.gapura.budgeting.internal;

import java.util.Optional;

/** Where a fiscal year's budget stands; each stage opens the next, and dpa is locked. */
public enum Stage {
    CEILINGS, DRAFTING, VERIFICATION, VALIDATION, DPA;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Stage> of(String id) {
        for (Stage stage : values()) {
            if (stage.id().equalsIgnoreCase(id)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    public Optional<Stage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }
}

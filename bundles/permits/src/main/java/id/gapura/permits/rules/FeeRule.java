package id.gapura.permits.rules;

import id.gapura.api.FieldError;
import id.gapura.api.validation.Inputs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a permit type's fee (retribusi) is computed, in exact rupiah:
 * <ul>
 *   <li>{@code none}: no fee, and no fee assessment or payment stage;</li>
 *   <li>{@code flat}: the same {@code amount} for every application;</li>
 *   <li>{@code per_unit}: {@code tariff} multiplied by every factor: a quantity the applicant states (area in
 *       m², duration in months) or the coefficient of the option chosen (road class, building function),
 *       rounded half up to whole rupiah, and at least {@code minimum}.</li>
 * </ul>
 * Example (a billboard): tariff Rp 25.000 per m² per month × area 6 m² × 12 months × road class protokol (1,5).
 */
public record FeeRule(String kind, BigDecimal amount, BigDecimal tariff, String unit, List<Factor> factors,
                      BigDecimal minimum) {

    public static final String NONE = "none";
    public static final String FLAT = "flat";
    public static final String PER_UNIT = "per_unit";

    private static final String NAME = "[a-z][a-z0-9_]{0,31}";
    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

    /** A fee and its amounts as recorded: permits_application.fee_amount DECIMAL(15, 0); tariffs may have sen. */
    static final int RUPIAH_DIGITS = 15;
    static final int TARIFF_SCALE = 2;
    /** A stated quantity (area, months): up to 11 digits before the point and 4 after. */
    static final int QUANTITY_DIGITS = 15;
    static final int QUANTITY_SCALE = 4;
    static final int COEFFICIENT_DIGITS = 9;
    static final int COEFFICIENT_SCALE = 4;
    static final int MAX_FACTORS = 10;
    static final int MAX_OPTIONS = 20;
    static final int MAX_LABEL = 100;
    static final int MAX_UNIT = 40;
    /** permits_application.fee_formula VARCHAR(1000). */
    static final int MAX_FORMULA = 1000;

    public FeeRule {
        kind = kind == null ? null : kind.trim().toLowerCase(Locale.ROOT);
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    public static FeeRule none() {
        return new FeeRule(NONE, null, null, null, List.of(), null);
    }

    public static FeeRule flat(BigDecimal amount) {
        return new FeeRule(FLAT, amount, null, null, List.of(), null);
    }

    public static FeeRule perUnit(BigDecimal tariff, String unit, List<Factor> factors, BigDecimal minimum) {
        return new FeeRule(PER_UNIT, null, tariff, unit, factors, minimum);
    }

    /**
     * One multiplier of a per-unit fee.
     *
     * @param name    the parameter's name in requests, e.g. {@code luas}
     * @param label   what to ask the applicant, e.g. "Luas reklame"
     * @param unit    of a quantity, e.g. "m²"; empty for a choice
     * @param options for a choice: the options and their coefficients; empty for a quantity
     */
    public record Factor(String name, String label, String unit, List<Option> options) {
        public Factor {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public boolean hasOptions() {
            return !options.isEmpty();
        }
    }

    public record Option(String code, String label, BigDecimal coefficient) {
    }

    /** The outcome of a calculation: the amount and how it was reached, in words an applicant can check. */
    public record Calculation(BigDecimal amount, String formula) {
    }

    /** Whether applications of this type go through fee assessment and payment. */
    public boolean hasFee() {
        return !NONE.equals(kind);
    }

    /** What is wrong with this rule, field by field under {@code prefix} (e.g. {@code feeRule}); empty when valid. */
    public List<FieldError> validate(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !List.of(NONE, FLAT, PER_UNIT).contains(kind)) {
            errors.add(new FieldError(prefix + ".kind", "must be one of none, flat, per_unit"));
            return errors;
        }
        Inputs inputs = new Inputs();
        inputs.text(prefix + ".unit", unit, MAX_UNIT);
        switch (kind) {
            case FLAT -> {
                checkRupiah(errors, prefix + ".amount", amount, true);
                refuse(errors, prefix + ".tariff", tariff, FLAT);
                if (!factors.isEmpty()) {
                    errors.add(new FieldError(prefix + ".factors", "a flat fee has no factors"));
                }
                errors.addAll(inputs.errors());
                inputs = new Inputs();
            }
            case PER_UNIT -> {
                refuse(errors, prefix + ".amount", amount, PER_UNIT);
                if (tariff == null || tariff.signum() <= 0) {
                    errors.add(new FieldError(prefix + ".tariff", "is required: a positive amount in rupiah"));
                } else {
                    inputs.decimal(prefix + ".tariff", tariff, RUPIAH_DIGITS, TARIFF_SCALE);
                }
                if (minimum != null) {
                    checkRupiah(errors, prefix + ".minimum", minimum, false);
                }
                // in field order: tariff, unit, minimum, then the factors
                List<FieldError> bounds = inputs.errors();
                bounds.stream().filter(e -> e.field().endsWith(".tariff")).forEach(errors::add);
                bounds.stream().filter(e -> e.field().endsWith(".unit")).forEach(errors::add);
                inputs = new Inputs();
                List<FieldError> minimumErrors = new ArrayList<>();
                errors.stream().filter(e -> e.field().equals(prefix + ".minimum")).forEach(minimumErrors::add);
                errors.removeAll(minimumErrors);
                errors.addAll(minimumErrors);
                validateFactors(errors, prefix + ".factors");
            }
            default -> {
                errors.addAll(inputs.errors());
                inputs = new Inputs();
                refuse(errors, prefix + ".amount", amount, NONE);
                refuse(errors, prefix + ".tariff", tariff, NONE);
                if (!factors.isEmpty()) {
                    errors.add(new FieldError(prefix + ".factors", "a rule without fee has no factors"));
                }
            }
        }
        return errors;
    }

    private void validateFactors(List<FieldError> errors, String prefix) {
        if (factors.isEmpty()) {
            errors.add(new FieldError(prefix, "a per-unit fee needs at least one factor, such as the area in m²"));
        } else if (factors.size() > MAX_FACTORS) {
            errors.add(new FieldError(prefix, "at most " + MAX_FACTORS + " factors"));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < factors.size(); i++) {
            Factor factor = factors.get(i);
            String at = prefix + "[" + i + "]";
            if (factor == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            if (factor.name() == null || !factor.name().matches(NAME)) {
                errors.add(new FieldError(at + ".name", "is required: lowercase letters, digits and _, such as luas"));
            } else if (!names.add(factor.name())) {
                errors.add(new FieldError(at + ".name", "'" + factor.name() + "' is used by another factor"));
            }
            Inputs inputs = new Inputs();
            if (blank(factor.label())) {
                errors.add(new FieldError(at + ".label", "is required: what to ask the applicant"));
            } else {
                inputs.text(at + ".label", factor.label(), MAX_LABEL);
            }
            inputs.text(at + ".unit", factor.unit(), MAX_UNIT);
            errors.addAll(inputs.errors());
            if (factor.options().size() > MAX_OPTIONS) {
                errors.add(new FieldError(at + ".options", "at most " + MAX_OPTIONS + " options"));
                continue;
            }
            Set<String> codes = new HashSet<>();
            for (int j = 0; j < factor.options().size(); j++) {
                Option option = factor.options().get(j);
                String optionAt = at + ".options[" + j + "]";
                if (option == null || option.code() == null || !option.code().matches(NAME)) {
                    errors.add(new FieldError(optionAt + ".code", "is required: lowercase letters, digits and _"));
                    continue;
                }
                if (!codes.add(option.code())) {
                    errors.add(new FieldError(optionAt + ".code", "'" + option.code() + "' is used twice"));
                }
                Inputs optionInputs = new Inputs();
                optionInputs.text(optionAt + ".label", option.label(), MAX_LABEL);
                if (option.coefficient() == null || option.coefficient().signum() < 0) {
                    errors.add(new FieldError(optionAt + ".coefficient", "is required: zero or more"));
                } else {
                    optionInputs.decimal(optionAt + ".coefficient", option.coefficient(), COEFFICIENT_DIGITS, COEFFICIENT_SCALE);
                }
                errors.addAll(optionInputs.errors());
            }
        }
    }

    /**
     * The fee for an application with these parameters (quantities as numbers or numeric strings, choices
     * as option codes).
     *
     * @throws InvalidParameters naming each parameter that is missing, unknown or invalid, under {@code prefix}
     */
    public Calculation calculate(Map<String, ?> parameters, String prefix) {
        Map<String, ?> given = parameters == null ? Map.of() : parameters;
        if (!hasFee()) {
            rejectUnknown(given, prefix, Set.of());
            return new Calculation(BigDecimal.ZERO, "tidak dikenakan retribusi");
        }
        if (FLAT.equals(kind)) {
            rejectUnknown(given, prefix, Set.of());
            return new Calculation(amount, "tarif tetap " + rupiah(amount));
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = factors.stream().map(Factor::name).collect(Collectors.toSet());
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                errors.add(unknown(prefix, name, known));
            }
        }
        BigDecimal result = tariff;
        StringBuilder formula = new StringBuilder(rupiah(tariff)).append(unit == null ? "" : " " + unit.trim());
        for (Factor factor : factors) {
            String at = prefix + "." + factor.name();
            Object raw = given.get(factor.name());
            // BigDecimal.toString() is short for 1e1000000 (toPlainString() would be a million digits)
            String value = raw == null ? null : raw instanceof BigDecimal decimal ? decimal.toString()
                    : raw.toString().trim();
            if (value == null || value.isEmpty()) {
                errors.add(new FieldError(at, "is required: " + factor.label()
                        + (factor.hasOptions() ? ", one of " + codes(factor) : blank(factor.unit()) ? "" : " in " + factor.unit())));
                continue;
            }
            if (factor.hasOptions()) {
                Optional<Option> option = factor.options().stream().filter(o -> o.code().equals(value)).findFirst();
                if (option.isEmpty()) {
                    errors.add(new FieldError(at, "'" + Inputs.echo(value, 40) + "' is not an option; options are " + codes(factor)));
                    continue;
                }
                result = result.multiply(option.get().coefficient());
                formula.append(" × ").append(factor.label()).append(' ').append(option.get().label())
                        .append(" (").append(number(option.get().coefficient())).append(')');
            } else {
                // bounded before any arithmetic: 1e1000000 must not be multiplied, rounded or printed
                Inputs inputs = new Inputs();
                BigDecimal quantity = inputs.decimal(at, value, QUANTITY_DIGITS, QUANTITY_SCALE);
                if (quantity == null) {
                    errors.add(new FieldError(at, inputs.errors().get(0).message()
                            + (blank(factor.unit()) ? "" : " in " + factor.unit())));
                    continue;
                }
                if (quantity.signum() <= 0) {
                    errors.add(new FieldError(at, "must be more than zero"));
                    continue;
                }
                result = result.multiply(quantity);
                formula.append(" × ").append(factor.label()).append(' ').append(number(quantity))
                        .append(blank(factor.unit()) ? "" : " " + factor.unit());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        BigDecimal rounded = result.setScale(0, RoundingMode.HALF_UP);
        if (!Inputs.fits(rounded, RUPIAH_DIGITS, 0)) {
            throw new InvalidParameters(List.of(new FieldError(prefix, "the fee would be more than "
                    + RUPIAH_DIGITS + " digits of rupiah; check the quantities")));
        }
        formula.append(" = ").append(rupiah(rounded));
        if (minimum != null && rounded.compareTo(minimum) < 0) {
            formula.append("; paling sedikit ").append(rupiah(minimum));
            rounded = minimum.setScale(0, RoundingMode.HALF_UP);
        }
        String text = formula.length() > MAX_FORMULA ? formula.substring(0, MAX_FORMULA - 1) + "…" : formula.toString();
        return new Calculation(rounded, text);
    }

    /** The parameters an applicant must state, name → what to ask. */
    public Map<String, String> parameters() {
        Map<String, String> asked = new LinkedHashMap<>();
        if (PER_UNIT.equals(kind)) {
            for (Factor factor : factors) {
                asked.put(factor.name(), factor.label() + (factor.hasOptions() ? " (" + codes(factor) + ")"
                        : blank(factor.unit()) ? "" : " (" + factor.unit() + ")"));
            }
        }
        return asked;
    }

    /** One line for lists: "Rp 25.000 per m² per bulan × luas × durasi × lokasi". */
    public String describe() {
        return switch (Objects.requireNonNullElse(kind, NONE)) {
            case FLAT -> "tarif tetap " + rupiah(amount);
            case PER_UNIT -> rupiah(tariff) + (unit == null ? "" : " " + unit.trim()) + " × "
                    + factors.stream().map(Factor::name).collect(Collectors.joining(" × "))
                    + (minimum == null ? "" : ", paling sedikit " + rupiah(minimum));
            default -> "tanpa retribusi";
        };
    }

    /** "Rp 1.500.000" as written in Indonesia. */
    public static String rupiah(BigDecimal amount) {
        return "Rp " + number(amount);
    }

    private static String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(INDONESIA));
        return format.format(value);
    }

    private static String codes(Factor factor) {
        return factor.options().stream().map(Option::code).collect(Collectors.joining(", "));
    }

    private static void rejectUnknown(Map<String, ?> given, String prefix, Set<String> known) {
        if (!given.isEmpty()) {
            throw new InvalidParameters(given.keySet().stream().map(name -> unknown(prefix, name, known)).toList());
        }
    }

    private static FieldError unknown(String prefix, String name, Set<String> known) {
        return new FieldError(prefix + "." + Inputs.echo(name, 40), known.isEmpty()
                ? "this permit type's fee takes no parameters"
                : "is not a parameter of this fee; parameters are " + known.stream().sorted().collect(Collectors.joining(", ")));
    }

    private static void checkRupiah(List<FieldError> errors, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: an amount in whole rupiah"));
            }
        } else if (value.signum() <= 0 && required || value.signum() < 0) {
            errors.add(new FieldError(field, "must be more than zero"));
        } else if (!Inputs.fits(value, RUPIAH_DIGITS + 2, 2)) {
            errors.add(new FieldError(field, "must be at most " + RUPIAH_DIGITS + " digits of rupiah"));
        } else if (value.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(field, "must be whole rupiah, without sen"));
        }
    }

    private static void refuse(List<FieldError> errors, String field, Object value, String kind) {
        if (value != null) {
            errors.add(new FieldError(field, "does not apply to a " + kind + " fee"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Parameters of a fee calculation that are missing, unknown or invalid. */
    public static final class InvalidParameters extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> errors;

        public InvalidParameters(List<FieldError> errors) {
            super(errors.size() + " fee parameters are invalid");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}

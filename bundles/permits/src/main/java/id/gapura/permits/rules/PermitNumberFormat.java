package id.gapura.permits.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A region's permit number format, such as {@code 503/{seq:4}/{type}/{office}/{year}} for
 * {@code 503/0007/REKLAME/DPMPTSP/2026}. Placeholders:
 * <ul>
 *   <li>{@code {seq}} or {@code {seq:N}}: the permit type's sequence number in the year, zero-padded to N digits;</li>
 *   <li>{@code {type}}: the permit type code; {@code {office}}: the issuing office (configured);</li>
 *   <li>{@code {year}}: four digits; {@code {month}}: two digits; {@code {month:roman}}: I to XII.</li>
 * </ul>
 * Sequences restart each year, so a format needs {@code {seq}} and {@code {year}}.
 */
public final class PermitNumberFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?::([a-z0-9]+))?}");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private final String pattern;

    private PermitNumberFormat(String pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException saying what is wrong with the pattern */
    public static PermitNumberFormat of(String pattern) {
        List<String> problems = problems(pattern);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new PermitNumberFormat(pattern.trim());
    }

    /** What is wrong with {@code pattern}; empty when it is a valid format. */
    public static List<String> problems(String pattern) {
        List<String> problems = new ArrayList<>();
        if (pattern == null || pattern.isBlank()) {
            problems.add("is required, such as 503/{seq:4}/{type}/{office}/{year}");
            return problems;
        }
        if (pattern.length() > 100) {
            problems.add("is longer than 100 characters");
        }
        int seq = 0;
        boolean year = false;
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            literal.append(pattern, last, matcher.start());
            last = matcher.end();
            String name = matcher.group(1);
            String option = matcher.group(2);
            switch (name) {
                case "seq" -> {
                    seq++;
                    if (option != null && !option.matches("[1-9]")) {
                        problems.add("{seq:" + option + "} must give a width from 1 to 9");
                    }
                }
                case "year" -> {
                    year = true;
                    checkNoOption(problems, name, option);
                }
                case "type", "office" -> checkNoOption(problems, name, option);
                case "month" -> {
                    if (option != null && !option.equals("roman")) {
                        problems.add("{month:" + option + "} is unknown; use {month} or {month:roman}");
                    }
                }
                default -> problems.add("{" + name + "} is unknown; placeholders are {seq}, {seq:N}, {type}, "
                        + "{office}, {year}, {month}, {month:roman}");
            }
        }
        literal.append(pattern.substring(last));
        if (literal.indexOf("{") >= 0 || literal.indexOf("}") >= 0) {
            problems.add("has a brace that is not part of a placeholder");
        }
        if (seq != 1) {
            problems.add("needs {seq} (or {seq:N}) exactly once");
        }
        if (!year) {
            problems.add("needs {year}: sequences restart every year");
        }
        return problems;
    }

    private static void checkNoOption(List<String> problems, String name, String option) {
        if (option != null) {
            problems.add("{" + name + "} takes no option");
        }
    }

    public String pattern() {
        return pattern;
    }

    public boolean containsType() {
        return pattern.contains("{type}");
    }

    /** The number for sequence {@code seq} of a permit of {@code typeCode} issued on {@code issuedOn}. */
    public String format(long seq, String typeCode, String office, LocalDate issuedOn) {
        if (seq < 1) {
            throw new IllegalArgumentException("Sequence numbers start at 1, was " + seq);
        }
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder number = new StringBuilder();
        while (matcher.find()) {
            String option = matcher.group(2);
            String value = switch (matcher.group(1)) {
                case "seq" -> option == null ? Long.toString(seq)
                        : String.format("%0" + option + "d", seq);
                case "type" -> typeCode;
                case "office" -> office;
                case "year" -> String.format("%04d", issuedOn.getYear());
                case "month" -> option == null ? String.format("%02d", issuedOn.getMonthValue())
                        : ROMAN[issuedOn.getMonthValue() - 1];
                default -> throw new IllegalStateException("unchecked placeholder " + matcher.group());
            };
            matcher.appendReplacement(number, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(number);
        return number.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}

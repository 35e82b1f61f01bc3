package id.gapura.budgeting.internal;

import id.gapura.api.validation.Inputs;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads and checks one reference-data CSV file ({@code code,name} with a header line) as a whole: every code
 * well formed for its kind, no code twice, every parent in the file or already known. Either all rows are good
 * or the errors, each with its line number, say what to fix; nothing is half imported.
 */
public final class ReferenceImport {

    /** One row to store. {@code level} is the programme level name or the account level number. */
    public record Row(String code, String name, String level, String parent) {
    }

    public record Result(List<Row> rows, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private ReferenceImport() {
    }

    /**
     * @param known whether a code of this kind is already in the reference data (for agencies: whether a
     *              bidang urusan is a known programme code)
     */
    public static Result read(Codes.Kind kind, Reader csv, Predicate<String> known) throws IOException {
        List<String> errors = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (CSVParser parser = format.parse(csv)) {
            if (!parser.getHeaderNames().contains("code") || !parser.getHeaderNames().contains("name")) {
                return new Result(List.of(), List.of("line 1: the header must name the columns code,name (found "
                        + String.join(",", parser.getHeaderNames()) + ")"));
            }
            for (CSVRecord record : parser) {
                long line = record.getParser().getCurrentLineNumber();
                String code = record.isMapped("code") && record.isSet("code") ? record.get("code") : "";
                String name = record.isMapped("name") && record.isSet("name") ? record.get("name") : "";
                String problem = null;
                String level = null;
                String parent = null;
                if (code.isEmpty()) {
                    problem = "the code is empty";
                } else if (code.length() > 40 || !Inputs.isCode(code, 40)) {
                    // code VARCHAR(40); never echoed at length
                    problem = "code " + Inputs.echo(code, 40) + " is not a code of at most 40 digits, letters and points";
                } else if (name.isEmpty()) {
                    problem = "code " + code + ": the name is empty";
                } else if (name.length() > 500) {
                    problem = "code " + code + ": the name is longer than 500 characters";
                } else if (Inputs.forbiddenCharacter(name) >= 0) {
                    problem = "code " + code + ": the name holds a control character";
                } else if (rows.containsKey(code)) {
                    problem = "code " + code + " is also on line " + lines.get(code);
                } else {
                    switch (kind) {
                        case PROGRAMMES -> {
                            Optional<String> programmeLevel = Codes.programmeLevel(code);
                            if (programmeLevel.isEmpty()) {
                                problem = "code " + code + " is not a programme code (" + Codes.programmeFormats() + ")";
                            } else {
                                level = programmeLevel.get();
                                parent = Codes.programmeParent(code).orElse(null);
                            }
                        }
                        case ACCOUNTS -> {
                            int accountLevel = Codes.accountLevel(code);
                            if (accountLevel == 0) {
                                problem = "code " + code + " is not an account code (" + Codes.accountFormats() + ")";
                            } else {
                                level = Integer.toString(accountLevel);
                                parent = Codes.accountParent(code).orElse(null);
                            }
                        }
                        case AGENCIES -> {
                            if (!Codes.isAgencyCode(code)) {
                                problem = "code " + code + " is not an agency code (bidang urusan first, e.g. 1.01.0.00.0.00.01.0000)";
                            } else {
                                level = "agency";
                                parent = Codes.agencyBidang(code);
                            }
                        }
                    }
                }
                if (problem != null) {
                    errors.add("line " + line + ": " + problem);
                    continue;
                }
                rows.put(code, new Row(code, name, level, parent));
                lines.put(code, line);
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // commons-csv reports an unterminated quote as an UncheckedIOException ("EOF reached before
            // encapsulated token finished") while iterating
            return new Result(List.of(), List.of("the file is not valid CSV (" + Inputs.echo(rootMessage(e), 120)
                    + "); a quoted value must end with a quote"));
        }
        for (Row row : rows.values()) {
            if (row.parent() == null) {
                continue;
            }
            boolean parentFound = kind == Codes.Kind.AGENCIES ? known.test(row.parent())
                    : rows.containsKey(row.parent()) || known.test(row.parent());
            if (!parentFound) {
                errors.add("line " + lines.get(row.code()) + ": code " + row.code() + ": "
                        + (kind == Codes.Kind.AGENCIES ? "its bidang urusan " + row.parent() + " is not in the programme nomenclature"
                        : "its parent " + row.parent() + " is neither in the file nor in the reference data"));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add("the file has no rows after its header");
        }
        errors.sort((a, b) -> Long.compare(lineOf(a), lineOf(b)));
        return new Result(errors.isEmpty() ? List.copyOf(rows.values()) : List.of(), List.copyOf(errors));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    private static long lineOf(String error) {
        if (!error.startsWith("line ")) {
            return 0;
        }
        return Long.parseLong(error.substring(5, error.indexOf(':')));
    }
}

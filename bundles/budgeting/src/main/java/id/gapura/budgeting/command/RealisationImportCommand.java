package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Realisation;
import id.gapura.budgeting.internal.Rupiah;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

@Service
@Command(scope = "budgeting", name = "realisation-import",
        description = "Records realisation (payments, e.g. SP2D) against the DPA in force from a CSV file with the header"
                + " agency_code,sub_kegiatan_code,account_code,date,amount,document,description; all rows or none")
public class RealisationImportCommand extends BudgetingCommandSupport {

    @Reference
    private Realisation realisation;

    @Argument(index = 0, name = "year", required = true, description = "The fiscal year")
    @Completion(YearCompleter.class)
    int year;

    @Argument(index = 1, name = "file", required = true, description = "The CSV file (UTF-8); dates as 2027-03-15, amounts as 1250000.50")
    @Completion(FileCompleter.class)
    String file;

    @Override
    protected void run() throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw failure("No file " + path.toAbsolutePath() + ". Nothing was imported.");
        }
        try (Reader csv = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Realisation.ImportOutcome outcome = realisation.importCsv(year, csv, administrator());
            System.out.println("Recorded " + outcome.recorded() + " realisation entries for " + year + " from " + path.getFileName()
                    + ", " + Rupiah.format(outcome.total()) + " in all.");
        }
    }
}

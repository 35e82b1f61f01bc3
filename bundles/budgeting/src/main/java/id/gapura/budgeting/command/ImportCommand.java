package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Codes;
import id.gapura.budgeting.internal.ReferenceData;
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
@Command(scope = "budgeting", name = "import",
        description = "Imports reference data (agencies, programmes or accounts) from a CSV file with the header code,name; all rows or none")
public class ImportCommand extends BudgetingCommandSupport {

    @Reference
    private ReferenceData reference;

    @Argument(index = 0, name = "kind", required = true, description = "agencies, programmes or accounts")
    @Completion(KindCompleter.class)
    String kind;

    @Argument(index = 1, name = "file", required = true, description = "The CSV file (UTF-8)")
    @Completion(FileCompleter.class)
    String file;

    @Override
    protected void run() throws Exception {
        Codes.Kind which = Codes.Kind.of(kind).orElseThrow(() -> failure(
                "Unknown kind '" + kind + "': import agencies, programmes or accounts. Nothing was imported."));
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw failure("No file " + path.toAbsolutePath() + ". Nothing was imported.");
        }
        try (Reader csv = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            ReferenceData.ImportOutcome outcome = reference.importCsv(which, csv);
            System.out.println("Imported " + which.id() + " from " + path.getFileName() + ": " + outcome.added() + " added, "
                    + outcome.updated() + " renamed or unchanged.");
        }
    }
}

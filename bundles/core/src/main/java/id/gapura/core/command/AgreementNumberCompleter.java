package id.gapura.core.command;

import id.gapura.core.AgreementService;
import id.gapura.core.agreement.StoredAgreement;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the numbers of the imported agreements. */
@Service
public class AgreementNumberCompleter implements Completer {

    @Reference
    private AgreementService agreements;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter numbers = new StringsCompleter();
        for (StoredAgreement agreement : agreements.agreements()) {
            numbers.getStrings().add(agreement.number());
        }
        return numbers.complete(session, commandLine, candidates);
    }
}

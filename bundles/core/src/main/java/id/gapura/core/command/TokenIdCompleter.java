package id.gapura.core.command;

import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.time.Instant;
import java.util.List;

/** Completes the ids of the tokens that are still accepted. */
@Service
public class TokenIdCompleter implements Completer {

    @Reference
    private AccessTokens tokens;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        Instant now = Instant.now();
        for (AccessToken token : tokens.list(null)) {
            if (token.status(now) == AccessToken.Status.ACTIVE) {
                ids.getStrings().add(token.id());
            }
        }
        return ids.complete(session, commandLine, candidates);
    }
}

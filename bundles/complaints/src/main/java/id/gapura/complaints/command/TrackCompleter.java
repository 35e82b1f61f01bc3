package id.gapura.complaints.command;

import id.gapura.complaints.workflow.HandlingTrack;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;
import java.util.Locale;

/** Completes the deadline tracks: simple, investigation, field_check. */
@Service
public class TrackCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter tracks = new StringsCompleter();
        for (HandlingTrack track : HandlingTrack.values()) {
            tracks.getStrings().add(track.name().toLowerCase(Locale.ROOT));
        }
        return tracks.complete(session, commandLine, candidates);
    }
}

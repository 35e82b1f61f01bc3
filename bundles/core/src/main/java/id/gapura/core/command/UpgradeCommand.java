package id.gapura.core.command;

import id.gapura.core.ModuleManager.Uncovered;
import id.gapura.core.ModuleManager.UpgradeOutcome;
import id.gapura.core.ModuleOperationException;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.osgi.framework.Version;

import java.nio.file.Path;
import java.util.Optional;

@Service
@Command(scope = "module", name = "upgrade",
        description = "Upgrades an installed module in place; if the new version fails, rolls back to the old one with its data as before")
public class UpgradeCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "id", description = "Id of the installed module", required = true)
    @Completion(ModuleIdCompleter.class)
    String id;

    @Argument(index = 1, name = "version", description = "Version to upgrade to; when omitted, the newest that the "
            + "region's agreements allow")
    String version;

    @Option(name = "--file", description = "A KAR file with the new version, as delivered offline")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--force", description = "Upgrade even to a version that no active agreement allows; recorded in the audit log")
    boolean force;

    @Override
    protected void run() throws Exception {
        Optional<Version> wanted;
        try {
            wanted = Optional.ofNullable(version).map(Version::parseVersion);
        } catch (IllegalArgumentException e) {
            throw new ModuleOperationException("'" + version + "' is not a version (for example 1.2.0). Nothing was changed.");
        }
        Optional<Path> kar = Optional.ofNullable(file).map(ModuleCommandSupport::path);
        if (kar.isPresent()) {
            modules.addKar(kar.get());
        }
        String note = kar.map(path -> "from " + path.getFileName()).orElse("");
        UpgradeOutcome outcome = modules.upgrade(id, wanted, force ? Uncovered.FORCE : Uncovered.REFUSE, actor(), note);
        System.out.println("Upgraded " + outcome.id() + " from " + outcome.fromVersion() + " to " + outcome.toVersion()
                + " in " + seconds(outcome.elapsed()) + " (schema " + outcome.schemaBefore() + " -> "
                + outcome.schemaAfter() + "). Other bundles restarted or refreshed: " + outcome.otherBundlesDisturbed());
        printRows(outcome.rowsBefore(), outcome.rowsAfter());
    }
}

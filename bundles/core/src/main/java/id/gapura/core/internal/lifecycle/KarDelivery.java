package id.gapura.core.internal.lifecycle;

import id.gapura.core.ModuleOperationException;
import org.apache.karaf.kar.KarService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static id.gapura.core.internal.lifecycle.Messages.firstLine;

/** Module versions delivered offline as KAR files: their features repositories are added, nothing installed. */
final class KarDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(KarDelivery.class);

    private final KarService kars;
    private final Path deploy;

    /** @param deploy Karaf's {@code deploy/} folder */
    KarDelivery(KarService kars, Path deploy) {
        this.kars = kars;
        this.deploy = deploy;
    }

    /** Adds the features repositories of a KAR file (copied into the system folder) without installing anything. */
    void add(Path kar) throws ModuleOperationException {
        if (!Files.isRegularFile(kar)) {
            throw new ModuleOperationException("There is no file " + kar + ". Nothing was changed.");
        }
        try {
            kars.install(kar.toUri(), true, true);
        } catch (Exception e) {
            throw new ModuleOperationException("Could not read the KAR file " + kar + ": " + firstLine(e)
                    + " Nothing was changed.", e);
        }
        keepInDeploy(kar);
    }

    /**
     * Keeps a copy of a KAR in {@code deploy/}, so that its versions are there again after {@code bin/karaf clean}
     * (which forgets installed KARs). Karaf's deployer skips a KAR that is installed already.
     */
    private void keepInDeploy(Path kar) {
        Path kept = deploy.resolve(kar.getFileName().toString());
        try {
            if (Files.exists(kept)) {
                return; // delivered there already (replacing it would make the deployer reinstall it)
            }
            Files.createDirectories(deploy);
            Path part = Files.createTempFile(deploy.getParent(), ".gapura-kar-", ".part");
            try {
                Files.copy(kar, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            LOG.warn("Could not keep a copy of {} in {}: after bin/karaf clean, its versions must be delivered again "
                    + "({})", kar, deploy, e.toString());
        }
    }
}

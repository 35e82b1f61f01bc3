package id.gapura.core.internal.lifecycle;

import id.gapura.core.ModuleOperationException;
import org.apache.karaf.kar.KarService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** module:upgrade --file: a KAR's repositories are added, and a copy is kept in deploy/ for after bin/karaf clean. */
class KarDeliveryTest {

    @TempDir
    Path folder;

    @Test
    void addsTheKarWithoutInstallingAndKeepsACopyInDeploy() throws Exception {
        FakeKars kars = new FakeKars();
        Path kar = Files.writeString(folder.resolve("notes-2.0.0.kar"), "kar");
        Path deploy = folder.resolve("karaf/deploy");

        new KarDelivery(kars, deploy).add(kar);

        assertEquals(List.of(kar.toUri() + " noAutoStartBundles=true noAutoRefreshBundles=true"), kars.installed);
        assertEquals("kar", Files.readString(deploy.resolve("notes-2.0.0.kar")));
        try (var left = Files.list(folder.resolve("karaf"))) {
            assertEquals(List.of(deploy), left.toList(), "no part file is left beside deploy/");
        }
    }

    @Test
    void aCopyAlreadyInDeployIsNotReplaced() throws Exception {
        Path deploy = Files.createDirectories(folder.resolve("karaf/deploy"));
        Files.writeString(deploy.resolve("notes-2.0.0.kar"), "delivered before");
        Path kar = Files.writeString(folder.resolve("notes-2.0.0.kar"), "kar");

        new KarDelivery(new FakeKars(), deploy).add(kar);

        assertEquals("delivered before", Files.readString(deploy.resolve("notes-2.0.0.kar")),
                "replacing it would make Karaf's deployer install it again");
    }

    @Test
    void aMissingOrUnreadableFileChangesNothing() throws Exception {
        FakeKars kars = new FakeKars();
        Path deploy = folder.resolve("karaf/deploy");
        KarDelivery delivery = new KarDelivery(kars, deploy);

        ModuleOperationException missing = assertThrows(ModuleOperationException.class,
                () -> delivery.add(folder.resolve("nope.kar")));
        assertEquals("There is no file " + folder.resolve("nope.kar") + ". Nothing was changed.", missing.getMessage());

        kars.failure = new IllegalArgumentException("zip END header not found\nat ...");
        Path broken = Files.writeString(folder.resolve("broken.kar"), "not a zip");
        ModuleOperationException unreadable = assertThrows(ModuleOperationException.class, () -> delivery.add(broken));
        assertEquals("Could not read the KAR file " + broken + ": zip END header not found. Nothing was changed.",
                unreadable.getMessage());
        assertFalse(Files.exists(deploy.resolve("broken.kar")));
    }

    private static final class FakeKars implements KarService {
        final List<String> installed = new ArrayList<>();
        Exception failure;

        @Override
        public void install(URI karUri, boolean noAutoStartBundles, boolean noAutoRefreshBundles) throws Exception {
            if (failure != null) {
                throw failure;
            }
            installed.add(karUri + " noAutoStartBundles=" + noAutoStartBundles + " noAutoRefreshBundles="
                    + noAutoRefreshBundles);
        }

        @Override
        public void install(URI karUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void install(URI karUri, boolean noAutoStartBundles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void install(URI karUri, File repoDir, File resourcesDir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void install(URI karUri, File repoDir, File resourcesDir, boolean noAutoStartBundles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void install(URI karUri, File repoDir, File resourcesDir, boolean noAutoStartBundles,
                            boolean noAutoRefreshBundles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void uninstall(String karName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void uninstall(String karName, boolean noAutoRefreshBundles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void create(String repoName, List<String> features, PrintStream console) {
            throw new UnsupportedOperationException();
        }
    }
}

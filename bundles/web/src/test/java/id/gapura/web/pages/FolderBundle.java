package id.gapura.web.pages;

import org.osgi.framework.Bundle;

import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A bundle whose entries are the files of a folder: what {@link ModuleUi} and {@link Templates} read. */
final class FolderBundle {

    private FolderBundle() {
    }

    static Bundle of(long id, Path folder) {
        return of(id, folder, null);
    }

    /** A bundle with a {@code Gapura-Module-Id} header (or none, when null). */
    static Bundle of(long id, Path folder, String moduleId) {
        java.util.Hashtable<String, String> headers = new java.util.Hashtable<>();
        if (moduleId != null) {
            headers.put(ModulePages.MODULE_ID_HEADER, moduleId);
        }
        return (Bundle) Proxy.newProxyInstance(FolderBundle.class.getClassLoader(), new Class<?>[]{Bundle.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getEntry" -> entry(folder.resolve((String) arguments[0]));
                    case "getBundleId" -> id;
                    case "getLastModified" -> 1L;
                    case "getSymbolicName" -> "test.bundle." + id;
                    case "getHeaders" -> headers;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "FolderBundle(" + folder + ")";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object entry(Path file) throws MalformedURLException {
        return Files.isRegularFile(file) ? file.toUri().toURL() : null;
    }
}

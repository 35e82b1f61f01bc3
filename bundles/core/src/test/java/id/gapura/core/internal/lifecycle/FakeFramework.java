package id.gapura.core.internal.lifecycle;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Just enough of an OSGi framework for the lifecycle: the installed bundles by location (headers, state,
 * migration scripts), and a context that finds them. Bundle listeners are accepted and never called: nothing
 * here disturbs another bundle.
 */
class FakeFramework {

    private final Map<String, Bundle> byLocation = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    /** The platform's own bundle: its class loader has the platform's migrations (src/main/resources). */
    private final Bundle platform = bundle("platform", "id.gapura.core", "0.1.0", Map.of(), List.of());
    final BundleContext context = proxy(BundleContext.class, (method, args) -> switch (method.getName()) {
        case "getBundle" -> args == null ? platform : byLocation.get((String) args[0]);
        case "getBundles" -> byLocation.values().toArray(Bundle[]::new);
        case "addBundleListener", "removeBundleListener" -> null;
        default -> throw new UnsupportedOperationException(method.getName());
    });

    /** Installs and starts a bundle. */
    Bundle install(String location, String symbolicName, String version, Map<String, String> headers,
                   List<URL> migrations) {
        Bundle bundle = bundle(location, symbolicName, version, headers, migrations);
        byLocation.put(location, bundle);
        return bundle;
    }

    void uninstall(String location) {
        byLocation.remove(location);
    }

    private Bundle bundle(String location, String symbolicName, String version, Map<String, String> headers,
                          List<URL> migrations) {
        long id = ids.incrementAndGet();
        Dictionary<String, String> dictionary = new Hashtable<>(headers);
        BundleWiring wiring = proxy(BundleWiring.class, (method, args) -> switch (method.getName()) {
            case "getClassLoader" -> FakeFramework.class.getClassLoader();
            default -> throw new UnsupportedOperationException(method.getName());
        });
        return proxy(Bundle.class, (method, args) -> switch (method.getName()) {
            case "getBundleId" -> id;
            case "getLocation" -> location;
            case "getSymbolicName" -> symbolicName;
            case "getVersion" -> Version.parseVersion(version);
            case "getState" -> Bundle.ACTIVE;
            case "getHeaders" -> dictionary;
            case "findEntries" -> migrations.isEmpty() ? null : Collections.enumeration(migrations);
            case "adapt" -> args[0] == BundleWiring.class ? wiring : null;
            case "getBundleContext" -> null;
            case "toString" -> symbolicName + " [" + id + "]";
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(proxy);
            }
            return handler.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(FakeFramework.class.getClassLoader(), new Class<?>[]{type}, invocation));
    }
}

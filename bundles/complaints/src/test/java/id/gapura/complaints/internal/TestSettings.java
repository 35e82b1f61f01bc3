package id.gapura.complaints.internal;

import java.lang.reflect.Proxy;

/** Configures {@link ComplaintsSettings} as etc/id.gapura.complaints.cfg would, for tests in any package. */
public final class TestSettings {

    private TestSettings() {
    }

    /** The defaults, except the Open311 jurisdiction_id. */
    public static void jurisdiction(ComplaintsSettings settings, String jurisdictionId) {
        settings.configure((ComplaintsSettings.Config) Proxy.newProxyInstance(TestSettings.class.getClassLoader(),
                new Class<?>[]{ComplaintsSettings.Config.class}, (proxy, method, args) ->
                        method.getName().equals("jurisdictionId") ? jurisdictionId : method.getDefaultValue()));
    }
}

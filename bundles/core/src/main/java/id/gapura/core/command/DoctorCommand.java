package id.gapura.core.command;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * {@code module:doctor}: checks the security settings a region must change before going live, and prints one line
 * per check, {@code OK} or {@code WARN} with what to do. It exits with a non-zero status when anything warns, so
 * that an installation script or a monitor can run {@code bin/client "module:doctor"} and stop on it.
 */
@Service
@Command(scope = "module", name = "doctor",
        description = "Checks the security settings to change before going live (exit status 1 when any warns)")
public class DoctorCommand implements Action {

    static final String WEB_PID = "org.ops4j.pax.web";
    static final String SHELL_PID = "org.apache.karaf.shell";
    static final String JAAS_PID = "org.apache.karaf.jaas";

    @Reference
    private BundleContext context;

    private final List<String> problems = new ArrayList<>();

    @Override
    public Object execute() throws Exception {
        checkQuickStartPassword();
        checkHttp(configuration(WEB_PID));
        checkSsh(configuration(SHELL_PID));
        checkPasswordStorage(configuration(JAAS_PID));
        if (!problems.isEmpty()) {
            String line = "module:doctor found " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " (" + String.join(", ", problems) + "); fix " + (problems.size() == 1 ? "it" : "them")
                    + " before the region goes live.";
            throw new CommandException(line, line);
        }
        System.out.println("module:doctor found no problems.");
        return null;
    }

    private void ok(String line) {
        System.out.println("OK    " + line);
    }

    private void warn(String problem, String line) {
        problems.add(problem);
        System.out.println("WARN  " + line);
    }

    private void checkQuickStartPassword() {
        if (logsIn("karaf", "karaf")) {
            warn("quick-start password", "quick-start password: user 'karaf' still logs in with password 'karaf'. "
                    + "Change it: user:passwd karaf");
        } else {
            ok("quick-start password: 'karaf' no longer logs in with password 'karaf'");
        }
    }

    private void checkHttp(Map<String, String> web) {
        boolean plain = !"false".equalsIgnoreCase(web.getOrDefault("org.osgi.service.http.enabled", "true"));
        boolean tls = "true".equalsIgnoreCase(web.getOrDefault("org.osgi.service.http.secure.enabled", "false"));
        String addresses = web.getOrDefault("org.ops4j.pax.web.listening.addresses", "0.0.0.0");
        String port = web.getOrDefault("org.osgi.service.http.port", "8181");
        List<String> exposed = Arrays.stream(addresses.split(",")).map(String::strip)
                .filter(address -> !address.isEmpty() && !loopback(address)).toList();
        if (plain && !exposed.isEmpty() && !tls) {
            warn("plain HTTP without TLS", "plain HTTP on " + String.join(", ", exposed) + " port " + port
                    + " and no TLS: passwords and personal data cross the network readable. Turn on HTTPS with a "
                    + "keystore and set org.osgi.service.http.enabled = false in etc/org.ops4j.pax.web.cfg (README, "
                    + "Production checklist), or put a TLS reverse proxy in front and set "
                    + "org.ops4j.pax.web.listening.addresses = 127.0.0.1");
        } else if (plain && !exposed.isEmpty()) {
            warn("plain HTTP beside TLS", "plain HTTP on " + String.join(", ", exposed) + " port " + port
                    + " beside HTTPS: a client can still send passwords unencrypted. Set "
                    + "org.osgi.service.http.enabled = false in etc/org.ops4j.pax.web.cfg");
        } else if (plain) {
            ok("plain HTTP only on the loopback interface (" + addresses + " port " + port
                    + "), for a TLS reverse proxy on this server");
        } else {
            ok("plain HTTP is off");
        }
        if (tls) {
            String keystore = web.get("org.ops4j.pax.web.ssl.keystore");
            if (keystore == null || keystore.isBlank() || !Files.isReadable(Path.of(keystore))) {
                warn("TLS keystore", "HTTPS is on but its keystore " + (keystore == null || keystore.isBlank()
                        ? "is not set" : "'" + keystore + "' cannot be read") + ": set org.ops4j.pax.web.ssl.keystore "
                        + "in etc/org.ops4j.pax.web.cfg to a PKCS12 file with the server's key and certificate");
            } else {
                ok("HTTPS on port " + web.getOrDefault("org.osgi.service.http.port.secure", "8443")
                        + " with keystore " + keystore);
            }
        }
    }

    private void checkSsh(Map<String, String> shell) {
        String host = shell.getOrDefault("sshHost", "0.0.0.0");
        String port = shell.getOrDefault("sshPort", "8101");
        if (loopback(host)) {
            ok("SSH console only on the loopback interface (" + host + " port " + port + ")");
        } else {
            warn("SSH exposed", "SSH console on " + host + " port " + port + ", beyond the loopback interface: "
                    + "set sshHost = 127.0.0.1 in etc/org.apache.karaf.shell.cfg and reach the console through the "
                    + "server's own SSH, or firewall the port to the administrators' addresses");
        }
        if (!"false".equalsIgnoreCase(shell.getOrDefault("sftpEnabled", "true"))) {
            warn("SFTP on", "SFTP/SCP of the console is on: every console user can read and write etc/ and deploy/ "
                    + "around the command ACLs. Set sftpEnabled = false in etc/org.apache.karaf.shell.cfg");
        }
    }

    private void checkPasswordStorage(Map<String, String> jaas) {
        if (!"true".equalsIgnoreCase(jaas.getOrDefault("encryption.enabled", "false"))) {
            warn("passwords in clear", "JAAS encryption is off: etc/users.properties keeps passwords in clear. Set "
                    + "encryption.enabled = true (spring-security-crypto, bcrypt) in etc/org.apache.karaf.jaas.cfg");
            return;
        }
        String name = jaas.getOrDefault("encryption.name", "basic");
        if (name.isBlank() || "basic".equalsIgnoreCase(name)) {
            warn("weak password hashes", "JAAS encryption 'basic' stores unsalted "
                    + jaas.getOrDefault("encryption.algorithm", "SHA-256") + " digests: set encryption.name = "
                    + "spring-security-crypto and encryption.algorithm = bcrypt in etc/org.apache.karaf.jaas.cfg");
            return;
        }
        List<String> clear = usersWithClearPasswords(jaas.getOrDefault("encryption.prefix", "{CRYPT}"));
        if (clear.isEmpty()) {
            ok("passwords stored as " + jaas.getOrDefault("encryption.algorithm", "") + " hashes (" + name + ")");
        } else {
            warn("passwords in clear", "etc/users.properties holds the password of " + String.join(", ", clear)
                    + " in clear; it is hashed at the user's next login, or set it now with user:passwd");
        }
    }

    private static List<String> usersWithClearPasswords(String prefix) {
        Path users = Path.of(System.getProperty("karaf.etc", "etc"), "users.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(users)) {
            properties.load(in);
        } catch (IOException e) {
            return List.of();
        }
        TreeSet<String> clear = new TreeSet<>();
        for (String user : properties.stringPropertyNames()) {
            String password = properties.getProperty(user).split(",", 2)[0].strip();
            if (!user.startsWith("_g_:") && !password.startsWith(prefix)) {
                clear.add(user);
            }
        }
        return List.copyOf(clear);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the console's JAAS realm accepts this user and password. */
    private static boolean logsIn(String user, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Karaf's JAAS configuration names its proxy login module, which LoginContext loads through this loader
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            Subject subject = new Subject();
            // so that the login audit knows this for the doctor's own check, not someone logging in
            subject.getPrincipals().add(new ClientPrincipal("module:doctor", "local"));
            new LoginContext("karaf", subject, (Callback[] callbacks) -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            }).login();
            return true;
        } catch (LoginException | RuntimeException e) {
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The properties of a configuration as Configuration Admin holds them (from etc/, the environment or a
     * command), read through the service by name so that this bundle needs no compile-time API for it.
     */
    private Map<String, String> configuration(String pid) {
        Map<String, String> values = new HashMap<>();
        ServiceReference<?> reference = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        if (reference == null) {
            return values;
        }
        Object admin = context.getService(reference);
        try {
            Class<?> adminType = reference.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> configurationType = reference.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Method list = adminType.getMethod("listConfigurations", String.class);
            Method properties = configurationType.getMethod("getProperties");
            Object[] found = (Object[]) list.invoke(admin, "(service.pid=" + pid + ")");
            if (found != null && found.length > 0) {
                Dictionary<?, ?> dictionary = (Dictionary<?, ?>) properties.invoke(found[0]);
                if (dictionary != null) {
                    for (Enumeration<?> keys = dictionary.keys(); keys.hasMoreElements(); ) {
                        Object key = keys.nextElement();
                        values.put(key.toString(), String.valueOf(dictionary.get(key)).strip());
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            System.out.println("WARN  cannot read configuration " + pid + " (" + e + "); its checks assume defaults");
        } finally {
            context.ungetService(reference);
        }
        return values;
    }
}

package id.gapura.core.internal;

import id.gapura.api.security.Users;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import javax.security.auth.login.AppConfigurationEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The users of the console's JAAS realm ({@code karaf}, which REST uses too) when the realm keeps them in a
 * properties file ({@code etc/users.properties}), changed so that nobody reading the file sees half of it.
 * <p>
 * Karaf's {@code jaas:update} rewrites the file in place, once per queued change, and Karaf's
 * {@code AutoEncryptionSupport} re-reads it after every modification and writes it back when it finds a password
 * it takes for plain text. When the two overlap, the file loses users, roles or all of its content. Here a
 * change is made on a copy beside the file, with Karaf's own backing engine (same format, groups and password
 * hashing), read back and checked, and the copy then replaces the file in one atomic rename, which that watcher
 * does not react to and which readers see whole or not at all.
 */
@Component(service = {RealmUsers.class, Users.class})
public class RealmUsers implements Users {

    /** The console's realm; {@code sshRealm} in etc/org.apache.karaf.shell.cfg. */
    static final String REALM = "karaf";

    /** The role the console's command ACLs and the REST admin endpoints require. */
    public static final String ADMIN_ROLE = "admin";

    /** bcrypt reads no more than this many bytes of a password; more would be silently ignored. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MIN_PASSWORD_LENGTH = 8;

    /** The properties login module's option naming its file. */
    static final String USERS_OPTION = "users";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final BackingEngineFactory PROPERTIES = new PropertiesBackingEngineFactory();

    /** A user as the realm has it: roles given directly or through a group, and the groups. */
    public record User(String name, List<String> roles, List<String> groups) {
    }

    /** A change refused or impossible, said in one line for the administrator. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Supplier<Map<String, ?>> realmOptions;

    @Activate
    public RealmUsers(BundleContext context) {
        this(() -> propertiesModuleOptions(context));
    }

    /** For tests: the options of the realm's properties login module, with {@code users} naming the file. */
    RealmUsers(Supplier<Map<String, ?>> realmOptions) {
        this.realmOptions = realmOptions;
    }

    public List<User> list() {
        Map<String, ?> options = realmOptions.get();
        BackingEngine engine = engine(file(options), options);
        return engine.listUsers().stream()
                .map(UserPrincipal::getName)
                .filter(name -> !name.startsWith(BackingEngine.GROUP_PREFIX))
                .sorted()
                .map(name -> describe(engine, name))
                .toList();
    }

    public Optional<User> find(String name) {
        return list().stream().filter(user -> user.name().equals(name)).findFirst();
    }

    /** For modules ({@link Users}): whether the realm has this user. */
    @Override
    public boolean exists(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return false;
        }
        try {
            return find(name).isPresent();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The realm's users cannot be read: " + e.getMessage(), e);
        }
    }

    public synchronized User add(String name, String password, Collection<String> roles) {
        checkName(name);
        checkPassword(name, password);
        roles.forEach(RealmUsers::checkRole);
        return describe(change(name, engine -> {
            if (exists(engine, name)) {
                throw new Refused("There is already a user " + name + "; user:passwd changes a password, "
                        + "user:role-add adds roles.");
            }
            engine.addUser(name, password);
            roles.forEach(role -> engine.addRole(name, role));
        }, written -> exists(written, name) && rolesOf(written, name).containsAll(roles)), name);
    }

    public synchronized User changePassword(String name, String password) {
        checkPassword(name, password);
        return describe(change(name, engine -> {
            requireUser(engine, name);
            engine.addUser(name, password);
        }, written -> exists(written, name)), name);
    }

    public synchronized User addRoles(String name, Collection<String> roles) {
        roles.forEach(RealmUsers::checkRole);
        return describe(change(name, engine -> {
            requireUser(engine, name);
            TreeSet<String> held = rolesOf(engine, name);
            roles.stream().filter(role -> !held.contains(role)).distinct().forEach(role -> engine.addRole(name, role));
        }, written -> rolesOf(written, name).containsAll(roles)), name);
    }

    public synchronized User removeRoles(String name, Collection<String> roles) {
        return describe(change(name, engine -> {
            requireUser(engine, name);
            List<String> direct = directRoles(engine, name);
            for (String role : roles) {
                if (!direct.contains(role)) {
                    throw new Refused(name + " does not hold the role " + role + " itself" + (rolesOf(engine, name)
                            .contains(role) ? " (it comes from a group; jaas:group-role-delete changes the group)" : "")
                            + "; user:list shows the roles.");
                }
                engine.deleteRole(name, role);
            }
        }, written -> roles.stream().noneMatch(directRoles(written, name)::contains)), name);
    }

    public synchronized void delete(String name) {
        change(name, engine -> {
            requireUser(engine, name);
            engine.deleteUser(name);
        }, written -> !exists(written, name));
    }

    /**
     * Makes the change on a copy of the file, reads the copy back, checks that it holds the change and leaves
     * an administrator, then puts it in the file's place.
     */
    private BackingEngine change(String name, Consumer<BackingEngine> edit, Predicate<BackingEngine> done) {
        Map<String, ?> options = realmOptions.get();
        Path file = file(options);
        Path draft = null;
        try {
            draft = Files.createTempFile(file.toAbsolutePath().getParent(), ".users-", ".draft");
            Files.copy(file, draft, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Map<String, Object> draftOptions = new HashMap<>(options);
            draftOptions.put(USERS_OPTION, draft.toString());
            edit.accept(engine(draft, draftOptions));
            BackingEngine written = engine(draft, draftOptions);
            if (!done.test(written)) {
                throw new Refused("The change to " + name + " could not be written to " + draft
                        + " (see log:display); " + file + " is unchanged.");
            }
            if (!hasAdministrator(written)) {
                throw new Refused("Refused: no user would be left with the " + ADMIN_ROLE + " role, and nobody could "
                        + "administer Gapura from the console. Give another user that role first.");
            }
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } catch (IOException e) {
            throw new Refused("Could not change " + file + ": " + e.getMessage() + "; it is unchanged.", e);
        } finally {
            if (draft != null) {
                try {
                    Files.deleteIfExists(draft);
                } catch (IOException ignored) {
                    // an empty draft left beside the file is harmless; the next change makes its own
                }
            }
        }
    }

    private static Path file(Map<String, ?> options) {
        Object users = options.get(USERS_OPTION);
        if (users == null) {
            throw new Refused("The realm '" + REALM + "' names no users file.");
        }
        return Path.of(users.toString());
    }

    private static BackingEngine engine(Path file, Map<String, ?> options) {
        if (!Files.isRegularFile(file)) {
            throw new Refused("The users file " + file + " of the realm '" + REALM + "' does not exist.");
        }
        BackingEngine engine = PROPERTIES.build(options);
        if (engine == null) {
            throw new Refused("Could not read the users file " + file + " (see log:display).");
        }
        return engine;
    }

    private static boolean exists(BackingEngine engine, String name) {
        return engine.lookupUser(name) != null;
    }

    private static void requireUser(BackingEngine engine, String name) {
        if (!exists(engine, name)) {
            throw new Refused("There is no user " + name + "; user:list shows the users.");
        }
    }

    private static User describe(BackingEngine engine, String name) {
        UserPrincipal user = new UserPrincipal(name);
        List<String> groups = engine.listGroups(user).stream().map(GroupPrincipal::getName).sorted().toList();
        return new User(name, List.copyOf(rolesOf(engine, name)), groups);
    }

    /** Roles held directly or through a group. */
    private static TreeSet<String> rolesOf(BackingEngine engine, String name) {
        TreeSet<String> roles = new TreeSet<>();
        for (RolePrincipal role : engine.listRoles(new UserPrincipal(name))) {
            if (!role.getName().startsWith(BackingEngine.GROUP_PREFIX)) {
                roles.add(role.getName());
            }
        }
        return roles;
    }

    /** Roles given to the user itself, not through a group. */
    private static List<String> directRoles(BackingEngine engine, String name) {
        TreeSet<String> fromGroups = new TreeSet<>();
        for (GroupPrincipal group : engine.listGroups(new UserPrincipal(name))) {
            engine.listRoles(group).forEach(role -> fromGroups.add(role.getName()));
        }
        TreeSet<String> all = rolesOf(engine, name);
        all.removeAll(fromGroups);
        return List.copyOf(all);
    }

    private static boolean hasAdministrator(BackingEngine engine) {
        return engine.listUsers().stream()
                .map(UserPrincipal::getName)
                .filter(name -> !name.startsWith(BackingEngine.GROUP_PREFIX))
                .anyMatch(name -> rolesOf(engine, name).contains(ADMIN_ROLE));
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Refused("A user name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter "
                    + "or digit: " + name);
        }
    }

    static void checkRole(String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new Refused("A role is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit: "
                    + role);
        }
    }

    static void checkPassword(String name, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new Refused("A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new Refused("A password has at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt ignores the rest).");
        }
        if (password.equalsIgnoreCase(name)) {
            throw new Refused("A password must not be the user name.");
        }
    }

    /** The options Karaf gives the properties login module of the console's realm, as jaas:realm-manage uses them. */
    static Map<String, ?> propertiesModuleOptions(BundleContext context) {
        List<ServiceReference<JaasRealm>> references;
        try {
            references = List.copyOf(context.getServiceReferences(JaasRealm.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            JaasRealm realm = references.stream()
                    .map(context::getService)
                    .filter(candidate -> candidate != null && REALM.equals(candidate.getName()))
                    .max(Comparator.comparingInt(JaasRealm::getRank))
                    .orElseThrow(() -> new Refused("There is no JAAS realm '" + REALM + "' (is the jaas feature "
                            + "installed?)."));
            for (AppConfigurationEntry entry : realm.getEntries()) {
                if (PROPERTIES.getModuleClass().equals(entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE))) {
                    return Collections.unmodifiableMap(new HashMap<>(entry.getOptions()));
                }
            }
            throw new Refused("The realm '" + REALM + "' keeps no users file: manage its users with its own "
                    + "directory's tools.");
        } finally {
            references.forEach(context::ungetService);
        }
    }
}

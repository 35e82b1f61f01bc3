package id.gapura.core.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealmUsersTest {

    private static final String QUICK_START = """
            # Console and SSH users
            karaf = {CRYPT}24326124313024{CRYPT},_g_:admingroup
            _g_\\:admingroup = group,admin,manager,viewer,systembus,ssh
            """;

    @TempDir
    Path etc;

    private Path file;
    private RealmUsers users;

    @BeforeEach
    void quickStartRealm() throws IOException {
        file = Files.writeString(etc.resolve("users.properties"), QUICK_START);
        users = new RealmUsers(() -> Map.of(RealmUsers.USERS_OPTION, file.toString()));
    }

    @Test
    void aUserIsAddedWithRolesAndListedWithTheRolesOfItsGroups() throws IOException {
        users.add("siti", "rahasia-siti", List.of("complaints-liaison", "viewer"));

        assertEquals(List.of("karaf", "siti"), users.list().stream().map(RealmUsers.User::name).toList());
        RealmUsers.User siti = users.find("siti").orElseThrow();
        assertEquals(List.of("complaints-liaison", "viewer"), siti.roles());
        assertEquals(List.of(), siti.groups());
        RealmUsers.User karaf = users.find("karaf").orElseThrow();
        assertTrue(karaf.roles().containsAll(List.of("admin", "ssh", "viewer")), karaf.toString());
        assertEquals(List.of("admingroup"), karaf.groups());
        Properties stored = read(file);
        assertTrue(stored.getProperty("siti").endsWith(",complaints-liaison,viewer"), stored.toString());
        assertTrue(Files.readString(file).startsWith("# Console and SSH users"), "the comments stay");
    }

    @Test
    void modulesAskWhetherAUserExists() {
        users.add("siti", "rahasia-siti", List.of("complaints-liaison"));
        id.gapura.api.security.Users realm = users;
        assertTrue(realm.exists("siti"));
        assertTrue(realm.exists("karaf"));
        assertFalse(realm.exists("ghost"));
        assertFalse(realm.exists("_g_:admingroup"), "a group is not a user");
        assertFalse(realm.exists(null));
    }

    @Test
    void rolesArePutAndTakenAndAPasswordChanged() {
        users.add("budi", "rahasia-budi", List.of("viewer"));

        assertEquals(List.of("budget-tapd", "viewer"), users.addRoles("budi", List.of("budget-tapd", "viewer")).roles(),
                "a role held already is not added twice");
        assertEquals(List.of("budget-tapd"), users.removeRoles("budi", List.of("viewer")).roles());
        String before = read(file).getProperty("budi");
        users.changePassword("budi", "yang-baru-123");
        String after = read(file).getProperty("budi");
        assertNotEquals(before, after);
        assertTrue(after.endsWith(",budget-tapd"), "the roles stay: " + after);
        users.delete("budi");
        assertTrue(users.find("budi").isEmpty());
    }

    @Test
    void refusedChangesLeaveTheFileAsItWas() throws IOException {
        users.add("siti", "rahasia-siti", List.of("viewer"));
        byte[] before = Files.readAllBytes(file);

        assertRefused(() -> users.add("siti", "another-pw", List.of()), "There is already a user siti");
        assertRefused(() -> users.add("bad name", "rahasia-123", List.of()), "A user name is");
        assertRefused(() -> users.add("_g_:admingroup", "rahasia-123", List.of()), "A user name is");
        assertRefused(() -> users.add("joko", "rahasia-123", List.of("admin,ssh")), "A role is");
        assertRefused(() -> users.add("joko", "short", List.of()), "at least 8 characters");
        assertRefused(() -> users.add("joko", "x".repeat(73), List.of()), "at most 72 bytes");
        assertRefused(() -> users.add("joko1234", "JOKO1234", List.of()), "must not be the user name");
        assertRefused(() -> users.changePassword("nobody", "rahasia-123"), "There is no user nobody");
        assertRefused(() -> users.removeRoles("siti", List.of("admin")), "does not hold the role admin");
        assertRefused(() -> users.removeRoles("karaf", List.of("admin")), "comes from a group");

        assertArrayEquals(before, Files.readAllBytes(file));
        try (var left = Files.list(etc)) {
            assertEquals(List.of(file), left.toList(), "no draft is left behind");
        }
    }

    @Test
    void theLastAdministratorCannotBeRemoved() throws IOException {
        byte[] before = Files.readAllBytes(file);
        assertRefused(() -> users.delete("karaf"), "no user would be left with the admin role");
        assertArrayEquals(before, Files.readAllBytes(file));

        users.add("admin2", "rahasia-admin", List.of("admin", "ssh"));
        users.delete("karaf");
        assertRefused(() -> users.removeRoles("admin2", List.of("admin")), "no user would be left with the admin role");
        assertTrue(users.find("admin2").orElseThrow().roles().contains("admin"));
    }

    @Test
    void theFileIsReplacedWholeNeverRewrittenInPlace() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        try (InputStream openedBefore = Files.newInputStream(file)) {
            users.add("siti", "rahasia-siti", List.of("viewer"));

            assertEquals(QUICK_START, new String(openedBefore.readAllBytes(), StandardCharsets.UTF_8),
                    "a reader that opened the file before the change reads the old file whole");
        }
        assertNotEquals(inode, Files.readAttributes(file, BasicFileAttributes.class).fileKey(),
                "a new file took the old one's place");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "and kept its permissions");
    }

    @Test
    void readersNeverSeeHalfAFileWhileUsersChange() throws Exception {
        AtomicBoolean changing = new AtomicBoolean(true);
        List<String> damaged = new ArrayList<>();
        int[] reads = {0};
        Thread reader = new Thread(() -> {
            while (changing.get()) {
                try {
                    String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                    reads[0]++;
                    if (!content.contains("karaf = ") || !content.contains("admingroup = group,admin")
                            || content.indexOf('\0') >= 0) {
                        damaged.add(content);
                    }
                } catch (IOException e) {
                    damaged.add(e.toString());
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 40; i++) {
                users.add("user" + i, "rahasia-" + i + "-pw", List.of("viewer"));
                users.addRoles("user" + i, List.of("complaints-liaison"));
            }
        } finally {
            changing.set(false);
            reader.join();
        }
        assertEquals(List.of(), damaged);
        assertTrue(reads[0] > 0);
        assertEquals(41, users.list().size());
        users.list().stream().filter(user -> !user.name().equals("karaf"))
                .forEach(user -> assertEquals(List.of("complaints-liaison", "viewer"), user.roles(), user.name()));
    }

    private static void assertRefused(Runnable change, String expected) {
        RealmUsers.Refused refused = assertThrows(RealmUsers.Refused.class, change::run);
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line");
    }

    private static Properties read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package id.gapura.distribution;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A copy of the assembled distribution in a temporary folder, on free ports, started as a real process
 * ({@code bin/karaf server}) and driven as an administrator would: the console over SSH, the API over HTTP.
 */
final class GapuraInstance implements AutoCloseable {

    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);

    final Path home;
    final int httpPort;
    final int sshPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SshClient ssh = SshClient.setUpDefaultClient();
    private Process process;

    GapuraInstance() throws IOException {
        Path assembly = Path.of(System.getProperty("gapura.assembly", "target/assembly"));
        home = Files.createTempDirectory("gapura-it-");
        copyTree(assembly, home);
        httpPort = freePort();
        sshPort = freePort();
        replaceLine(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", "org.osgi.service.http.port = " + httpPort);
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + sshPort);
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
    }

    /** Points the region's datasource at another database, as an operator edits etc/ for PostgreSQL. */
    void useDatabase(String driverName, String url, String user, String password) throws IOException {
        Path cfg = home.resolve("etc/org.ops4j.datasource-gapura.cfg");
        replaceLine(cfg, "osgi.jdbc.driver.name", "osgi.jdbc.driver.name = " + driverName);
        replaceLine(cfg, "url", "url = " + url);
        replaceLine(cfg, "user", "user = " + user);
        replaceLine(cfg, "password", "password = " + password);
    }

    /** Time from the last start until the SSH console accepted a connection. */
    Duration consoleReady;

    /** Starts Karaf and returns, once /api/health answers 200, how long that took. */
    Duration start(String... karafArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/karaf").toString(), "server"));
        command.addAll(List.of(karafArguments));
        long started = System.nanoTime();
        consoleReady = null;
        process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()))
                .start();
        await("/api/health answers 200").atMost(BOOT_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see " + home);
                    }
                    if (consoleReady == null && accepts(sshPort)) {
                        consoleReady = Duration.ofNanos(System.nanoTime() - started);
                    }
                    return status("/api/health") == 200;
                });
        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        // Karaf hashes the plain passwords addUser wrote by rewriting etc/users.properties in the background; a
        // realm lookup during that rewrite can read a cut line. Tests start once every password is hashed.
        await("the realm has hashed the passwords of the added users").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> addedUsers.stream().allMatch(this::passwordHashed));
        return ready;
    }

    private final List<String> addedUsers = new ArrayList<>();

    private boolean passwordHashed(String user) {
        List<String> lines;
        try {
            lines = Files.readAllLines(home.resolve("etc/users.properties"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false; // being rewritten
        }
        return lines.stream()
                .map(String::strip)
                .filter(line -> line.startsWith(user + " ") || line.startsWith(user + "="))
                .anyMatch(line -> line.substring(line.indexOf('=') + 1).strip().startsWith("{CRYPT}"));
    }

    /**
     * A clean shutdown, as a service manager does it: SIGTERM to the Karaf JVM (a child of the bin/karaf
     * script), then wait until every process of the instance has exited and released the database.
     */
    void stop() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(90, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    record Shell(int exitStatus, String output) {
        List<String> lines() {
            return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    /** Runs one console command over SSH as the quick-start administrator. */
    Shell console(String command) throws IOException {
        return consoleAs("karaf", "karaf", command);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    @Override
    public void close() throws Exception {
        stop();
        ssh.stop();
        if (Boolean.getBoolean("gapura.keep")) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void replaceLine(Path file, String key, String replacement) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(key) && line.substring(key.length()).strip().startsWith("=")) {
                lines.set(i, replacement);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(replacement);
        }
        Files.write(file, lines);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Adds a console and REST user with these roles to etc/users.properties; call before {@link #start}. */
    void addUser(String user, String password, String... roles) throws IOException {
        addedUsers.add(user);
        Files.writeString(home.resolve("etc/users.properties"),
                System.lineSeparator() + user + " = " + password + "," + String.join(",", roles) + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Runs one console command over SSH as the given user (who needs the role 'ssh' to log in at all). */
    Shell consoleAs(String user, String password, String command) throws IOException {
        try (ClientSession session = ssh.connect(user, "localhost", sshPort).verify(Duration.ofSeconds(30)).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(Duration.ofSeconds(30));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ClientChannel channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(out);
                // generous: on a loaded machine Karaf's SSH server has taken over 30 s to open a channel
                channel.open().verify(Duration.ofSeconds(120));
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(180));
                Integer status = channel.getExitStatus();
                String text = out.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
                return new Shell(status == null ? -1 : status, text);
            }
        }
    }

    /** Any request; with HTTP Basic credentials unless user is null, with a body unless it is null. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String user,
                              String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body (or none) and, unless {@code user} is null, HTTP Basic credentials. */
    HttpResponse<String> send(String method, String path, String json, String user, String password)
            throws IOException, InterruptedException {
        return send(method, path, json == null ? null : "application/json", json, user, password);
    }

    HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return send("GET", path, null, null, user, password);
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A form POST as Open311 clients send it: {@code application/x-www-form-urlencoded; charset=utf-8}. */
    HttpResponse<String> postForm(String path, java.util.Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(field -> java.net.URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded; charset=utf-8", body, null, null);
    }

    /** Writes a file into the installation (a trusted key, an agreement to import), creating its folder. */
    Path write(String relativePath, String content) throws IOException {
        Path file = home.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** Puts a file into deploy/ as an operator should: written elsewhere, then moved in at once. */
    void deploy(String name, byte[] content) throws IOException {
        Path staged = home.resolve(name + ".part");
        Files.write(staged, content);
        Files.move(staged, home.resolve("deploy").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    void undeploy(String name) throws IOException {
        Files.deleteIfExists(home.resolve("deploy").resolve(name));
    }

    /** Any request as a signed-in user (HTTP Basic); {@code json} may be null for no body. */
    HttpResponse<byte[]> basicAuthRequest(String method, String path, String json, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any request with an {@code Authorization: Bearer} token (none when {@code token} is null) and a JSON body or none. */
    HttpResponse<String> sendBearer(String method, String path, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // The benchmark suite (distribution/src/bench) uses the methods below.

    /** A copy of another Karaf installation (the plain-Karaf baseline of the benchmarks) on free ports. */
    GapuraInstance(Path assembly) throws IOException {
        home = Files.createTempDirectory("gapura-bench-");
        copyTree(assembly, home);
        httpPort = freePort();
        sshPort = freePort();
        replaceLine(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", "org.osgi.service.http.port = " + httpPort);
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + sshPort);
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
    }

    /** Sets one key of a configuration file of the installation (relative to its home), before {@link #start}. */
    void configure(String relativeFile, String key, String value) throws IOException {
        replaceLine(home.resolve(relativeFile), key, key + " = " + value);
    }

    /** Starts Karaf and returns, once the path answers 200 (a container without Gapura has no /api/health), how long that took. */
    Duration startUntil(String readyPath) throws IOException {
        long started = System.nanoTime();
        process = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()))
                .start();
        await(readyPath + " answers 200").atMost(BOOT_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see " + home);
                    }
                    return status(readyPath) == 200;
                });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The Karaf JVM (a child of the bin/karaf script), for jcmd and /proc. */
    ProcessHandle jvm() {
        if (process == null) {
            throw new IllegalStateException("Karaf is not running");
        }
        return process.descendants()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    /** A crash: SIGKILL to the Karaf JVM first, then to its script; returns once both are gone. */
    void kill() throws Exception {
        if (process == null) {
            return;
        }
        ProcessHandle jvm = jvm();
        jvm.destroyForcibly();
        jvm.onExit().get(30, TimeUnit.SECONDS);
        process.toHandle().destroyForcibly();
        process.toHandle().onExit().get(30, TimeUnit.SECONDS);
        process = null;
    }
}

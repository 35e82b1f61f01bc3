package id.gapura.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gapura's benchmark and reliability suite (issue 10): seven figures measured on the assembled distribution,
 * each against a baseline measured in the same run, written to target/bench/report.md and report.json.
 * Not a test: it runs only with {@code -Pbench} (distribution/bench/run) and fails only when a measurement
 * could not be taken; figures that miss their bar are findings, reported as such.
 *
 * <p>Parameters (system properties, e.g. {@code distribution/bench/run -Dbench.cycles=50}):
 * {@code bench.quick} (small counts everywhere), {@code bench.repeats} (repetitions of each timed figure, 3),
 * {@code bench.cycles} (install/uninstall cycles of the leak test, 200), {@code bench.churnCycles} (20),
 * {@code bench.seconds} (measured seconds of each load run, 5), {@code bench.warmup} (seconds, 2),
 * {@code bench.concurrency} (levels, "1,8,32"), {@code bench.crashRuns} (kills per database, 2), {@code bench.settle} (seconds after start before RSS, 10),
 * {@code bench.only} (figures to run, e.g. "1,4"), {@code bench.leakModule} (the first module).
 */
class BenchmarkSuite {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final int REPEATS = Integer.getInteger("bench.repeats", QUICK ? 1 : 3);
    private static final int CYCLES = Integer.getInteger("bench.cycles", QUICK ? 10 : 200);
    private static final int CHURN_CYCLES = Integer.getInteger("bench.churnCycles", QUICK ? 5 : 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", QUICK ? 3 : 5);
    private static final int WARMUP = Integer.getInteger("bench.warmup", QUICK ? 1 : 2);
    private static final int CRASH_RUNS = Integer.getInteger("bench.crashRuns", QUICK ? 1 : 2);
    private static final int SETTLE = Integer.getInteger("bench.settle", QUICK ? 3 : 10);
    private static final List<Integer> CONCURRENCY = Arrays.stream(
            System.getProperty("bench.concurrency", QUICK ? "1,8" : "1,8,32").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    private static final Set<String> ONLY = Arrays.stream(System.getProperty("bench.only", "1,2,3,4,5,6,7").split(","))
            .map(String::strip).collect(Collectors.toSet());
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(180);

    private static final String ADMIN = "karaf";
    private static final Pattern REQUEST_ID = Pattern.compile("\"service_request_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SELF_REPORTED = Pattern.compile("other bundles restarted or refreshed: (\\d+)");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode report = mapper.createObjectNode();
    private final ObjectNode figures = mapper.createObjectNode();
    private final StringBuilder markdown = new StringBuilder();
    private final List<String> failures = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    private final Map<String, String> modules = readModules();

    /** Module id and the public path that answers 200 while it is installed, from bench/modules.tsv. */
    private static Map<String, String> readModules() {
        Path file = Path.of(System.getProperty("bench.modules", "bench/modules.tsv"));
        Map<String, String> modules = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    String[] fields = entry.split("\\s+");
                    modules.put(fields[0], fields[1]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the module list " + file.toAbsolutePath(), e);
        }
        return modules;
    }

    @Test
    void run() throws Exception {
        Files.createDirectories(out);
        long started = System.nanoTime();
        ObjectNode meta = report.putObject("run");
        meta.put("started", Instant.now().toString());
        meta.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        meta.put("cpus", Runtime.getRuntime().availableProcessors());
        meta.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        meta.put("quick", QUICK);
        meta.put("repeats", REPEATS);
        meta.put("leakCycles", CYCLES);
        meta.put("churnCycles", CHURN_CYCLES);
        meta.put("crashRuns", CRASH_RUNS);
        meta.put("loadSeconds", SECONDS);
        meta.put("warmupSeconds", WARMUP);
        meta.set("concurrency", mapper.valueToTree(CONCURRENCY));
        meta.putPOJO("modules", modules);
        report.set("figures", figures);

        Path baseline = null;
        if (ONLY.contains("1") || ONLY.contains("7")) {
            baseline = Baseline.prepare(Path.of(System.getProperty("bench.karafArchive", "target/bench/apache-karaf.tar.gz")),
                    Path.of(System.getProperty("gapura.assembly", "target/assembly")), out.resolve("baseline-karaf"));
        }
        Path plainKaraf = baseline;
        section("1", "Cold start and memory (figures 1 and 7)", () -> coldStartAndMemory(plainKaraf));
        if (ONLY.contains("2") || ONLY.contains("3") || ONLY.contains("4") || ONLY.contains("5")) {
            try (GapuraInstance gapura = newGapura()) {
                gapura.start();
                TestProvider.cover(gapura, modules.keySet().toArray(String[]::new));
                section("2", "Hot install and uninstall (figure 2)", () -> hotInstall(gapura));
                section("3", "Leaks over install/uninstall cycles (figure 3)", () -> leaks(gapura));
                section("4", "HTTP throughput and latency (figure 4)", () -> http(gapura));
                section("5", "Churn (figure 5)", () -> churn(gapura));
            }
        }
        section("6", "Crash durability (figure 6)", this::crash);

        meta.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
        meta.putPOJO("findings", findings);
        meta.putPOJO("failures", failures);
        writeReport();
        assertTrue(failures.isEmpty(), "measurements that could not be taken: " + failures);
    }

    interface Section {
        void run() throws Exception;
    }

    private void section(String figure, String title, Section section) throws IOException {
        if (!ONLY.contains(figure) && !(figure.equals("1") && ONLY.contains("7"))) {
            return;
        }
        long started = System.nanoTime();
        System.out.printf("[bench] %s: started%n", title);
        try {
            section.run();
        } catch (Throwable e) {
            e.printStackTrace();
            failures.add(title + ": " + e);
            markdown.append("\n## ").append(title).append("\n\n**Not measured**: ").append(e).append("\n");
        }
        System.out.printf("[bench] %s: %d s%n", title, Math.round((System.nanoTime() - started) / 1e9));
        writeReport();
    }

    private GapuraInstance newGapura() throws IOException {
        GapuraInstance gapura = new GapuraInstance();
        // the load generator is one client address: measure the stack, not the per-client budget (429)
        gapura.configure("etc/id.gapura.web.cfg", "publicRequestsPerMinute", "0");
        return gapura;
    }

    // ---------------------------------------------------------------- figures 1 and 7

    private void coldStartAndMemory(Path plainKaraf) throws Exception {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int r = 0; r < REPEATS; r++) {
            try (GapuraInstance karaf = new GapuraInstance(plainKaraf)) {
                add(values, "baselineFirstBoot", karaf.startUntil(Baseline.HELLO_PATH).toMillis() / 1000.0);
                karaf.stop();
                add(values, "baselineRestart", karaf.startUntil(Baseline.HELLO_PATH).toMillis() / 1000.0);
                settle();
                add(values, "baselineRss", Jvm.rssMiB(karaf.jvm()));
                System.out.printf("[bench] plain Karaf: first boot %.1f s, restart %.1f s%n",
                        values.get("baselineFirstBoot").get(r), values.get("baselineRestart").get(r));
                add(values, "baselineHeap", Jvm.memoryAfterFullGc(karaf.jvm(), "id.gapura.").usedHeapMiB());
            }
            try (GapuraInstance gapura = newGapura()) {
                add(values, "gapuraFirstBoot", gapura.start().toMillis() / 1000.0);
                TestProvider.cover(gapura, modules.keySet().toArray(String[]::new));
                for (String module : modules.keySet()) {
                    GapuraInstance.Shell install = gapura.console("module:install " + module);
                    assertEquals(0, install.exitStatus(), install.output());
                }
                gapura.stop();
                long restart = System.nanoTime();
                gapura.start();
                await("every installed module answers 200").atMost(OPERATION_TIMEOUT).pollInterval(Duration.ofMillis(50))
                        .until(() -> modules.values().stream().allMatch(path -> gapura.status(path) == 200)
                                && gapura.status("/api/health") == 200);
                add(values, "gapuraRestart", (System.nanoTime() - restart) / 1e9);
                settle();
                add(values, "gapuraRss", Jvm.rssMiB(gapura.jvm()));
                System.out.printf("[bench] Gapura: first boot %.1f s, restart with modules %.1f s%n",
                        values.get("gapuraFirstBoot").get(r), values.get("gapuraRestart").get(r));
                add(values, "gapuraHeap", Jvm.memoryAfterFullGc(gapura.jvm(), "id.gapura.").usedHeapMiB());
            }
        }
        ObjectNode cold = figures.putObject("1_cold_start");
        cold.put("unit", "s");
        cold.put("gapuraReady", "bin/karaf server -> /api/health 200 and every module's path 200");
        cold.put("baselineReady", "bin/karaf server -> the baseline servlet (" + Baseline.HELLO_PATH + ") 200");
        markdown.append("\n## 1. Cold start\n\nPlain Apache Karaf 4.4.10 with the same boot features as Gapura "
                + "(gapura-platform's features and third-party bundles, without Gapura's bundles) and a trivial servlet as "
                + "its readiness probe, against Gapura (ready = `/api/health` 200 and every module's path 200). "
                + "*First boot*: a fresh unpacked copy (features resolved and installed). *Restart*: the same copy started "
                + "again, with all modules installed in Gapura (" + String.join(", ", modules.keySet()) + "). "
                + "Ratios are medians of the ratios of runs done one after the other.\n\n"
                + "| start | plain Karaf (s) | Gapura (s) | ratio Gapura/Karaf |\n|---|---|---|---|\n");
        comparison(cold, "firstBoot", "first boot", values.get("baselineFirstBoot"), values.get("gapuraFirstBoot"), "%.1f");
        comparison(cold, "restartWithModules", "restart, all modules installed", values.get("baselineRestart"),
                values.get("gapuraRestart"), "%.1f");

        ObjectNode memory = figures.putObject("7_memory");
        memory.put("unit", "MiB");
        memory.put("when", SETTLE + " s after the restart above was ready; heap used after two full GCs");
        markdown.append("\n## 7. Memory after start\n\nResident set size of the Karaf JVM (/proc VmRSS) " + SETTLE
                + " s after the restart above was ready (Gapura with all modules installed), and used heap after two "
                + "full GCs. Both with the distribution's bin/setenv (-Xms256M -Xmx1024M).\n\n"
                + "| memory | plain Karaf (MiB) | Gapura (MiB) | ratio Gapura/Karaf |\n|---|---|---|---|\n");
        comparison(memory, "rss", "RSS", values.get("baselineRss"), values.get("gapuraRss"), "%.0f");
        comparison(memory, "heapAfterGc", "heap used after full GC", values.get("baselineHeap"), values.get("gapuraHeap"), "%.0f");
    }

    private void comparison(ObjectNode node, String key, String label, List<Double> baseline, List<Double> gapura, String format) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(baseline.size(), gapura.size()); i++) {
            ratios.add(Stats.ratio(gapura.get(i), baseline.get(i)));
        }
        Stats.Summary b = Stats.Summary.of(baseline);
        Stats.Summary g = Stats.Summary.of(gapura);
        Stats.Summary ratio = Stats.Summary.of(ratios);
        ObjectNode entry = node.putObject(key);
        entry.set("baseline", summary(b, baseline));
        entry.set("gapura", summary(g, gapura));
        entry.set("ratio", summary(ratio, ratios));
        markdown.append("| ").append(label).append(" | ").append(b.text(format)).append(" | ").append(g.text(format))
                .append(" | ").append(ratio.text("%.2f")).append(" |\n");
    }

    private ObjectNode summary(Stats.Summary summary, List<Double> values) {
        ObjectNode node = mapper.createObjectNode();
        node.put("median", round(summary.median()));
        node.put("min", round(summary.min()));
        node.put("max", round(summary.max()));
        node.put("n", summary.n());
        ArrayNode all = node.putArray("values");
        values.forEach(value -> all.add(round(value)));
        return node;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }

    private static void add(Map<String, List<Double>> values, String key, double value) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE * 1000L); // a fixed measuring point after start, not a wait for a condition
    }

    // ---------------------------------------------------------------- figure 2

    /** What one install or uninstall did to the rest of the container, seen three independent ways. */
    record Effect(int changedBundles, int recreatedComponents, Set<String> restartedPerLog, int selfReported,
                  int addedOrRemoved) {
        int others() {
            return Math.max(Math.max(changedBundles, recreatedComponents), restartedPerLog.size());
        }
    }

    /** bundle:list (id, state, level, version, symbolic name) and scr:list (component ids) of the container. */
    record Snapshot(Map<String, String> bundles, Map<String, String> components, long logOffset) {
    }

    private Snapshot snapshot(GapuraInstance gapura) throws IOException {
        GapuraInstance.Shell bundles = gapura.console("bundle:list -t 0 -s --no-format");
        assertEquals(0, bundles.exitStatus(), bundles.output());
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : bundles.lines()) {
            String id = line.split("[\\s│|]+")[0];
            if (id.matches("\\d+")) {
                byId.put(id, line);
            }
        }
        GapuraInstance.Shell scr = gapura.console("scr:list");
        assertEquals(0, scr.exitStatus(), scr.output());
        // SCR gives a component a new id whenever its bundle is restarted or refreshed: compare whole lines
        Map<String, String> components = new LinkedHashMap<>();
        for (String line : scr.lines()) {
            if (line.matches("\\d.*")) {
                components.put(line, line);
            }
        }
        Path log = gapura.home.resolve("data/log/karaf.log");
        return new Snapshot(byId, components, Files.exists(log) ? Files.size(log) : 0);
    }

    private Effect effect(GapuraInstance gapura, Snapshot before, Snapshot after, String module, String commandOutput)
            throws IOException {
        int changed = 0;
        Set<String> touchedNames = new TreeSet<>();
        for (Map.Entry<String, String> bundle : before.bundles().entrySet()) {
            String now = after.bundles().get(bundle.getKey());
            if (now != null && !now.equals(bundle.getValue())) {
                changed++;
            }
        }
        Set<String> addedOrRemoved = new LinkedHashSet<>();
        before.bundles().keySet().stream().filter(id -> !after.bundles().containsKey(id)).forEach(addedOrRemoved::add);
        after.bundles().keySet().stream().filter(id -> !before.bundles().containsKey(id)).forEach(addedOrRemoved::add);
        for (String id : addedOrRemoved) {
            String line = before.bundles().containsKey(id) ? before.bundles().get(id) : after.bundles().get(id);
            String[] fields = line.split("[\\s│|]+");
            touchedNames.add(fields[fields.length - 1]);
        }
        int recreated = 0;
        for (Map.Entry<String, String> component : before.components().entrySet()) {
            String now = after.components().get(component.getKey());
            if (now == null && !component.getKey().contains(module)) {
                recreated++;
            }
        }
        Set<String> restarted = new TreeSet<>();
        for (String name : logged(gapura, before.logOffset())) {
            String symbolicName = name.split("/")[0];
            if (!touchedNames.contains(symbolicName) && !symbolicName.contains("." + module)) {
                restarted.add(name);
            }
        }
        Matcher self = SELF_REPORTED.matcher(commandOutput);
        return new Effect(changed, recreated, restarted, self.find() ? Integer.parseInt(self.group(1)) : -1,
                addedOrRemoved.size());
    }

    /** Bundles Karaf's features service lists under "Stopping/Refreshing/Restarting bundles" since the offset. */
    private static List<String> logged(GapuraInstance gapura, long offset) throws IOException {
        Path log = gapura.home.resolve("data/log/karaf.log");
        List<String> names = new ArrayList<>();
        if (!Files.exists(log)) {
            return names;
        }
        String text;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length < offset) {
                offset = 0;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        boolean collecting = false;
        for (String line : text.split("\n")) {
            String message = line.contains("|") ? line.substring(line.lastIndexOf('|') + 1) : line;
            String stripped = message.strip();
            if (stripped.endsWith("bundles:") || stripped.endsWith("to perform:") || stripped.startsWith("Done")) {
                collecting = stripped.startsWith("Stopping bundles") || stripped.startsWith("Refreshing bundles")
                        || stripped.startsWith("Restarting bundles");
            } else if (collecting && message.startsWith("  ") && stripped.matches("\\S+/\\S+.*")) {
                names.add(stripped.split("\\s")[0]);
            } else if (!message.startsWith("  ")) {
                collecting = false;
            }
        }
        return names;
    }

    private void hotInstall(GapuraInstance gapura) throws Exception {
        ObjectNode figure = figures.putObject("2_hot_install");
        figure.put("unit", "ms");
        markdown.append("\n## 2. Hot install and uninstall\n\nFrom `module:install <id>` (over SSH, as an "
                + "administrator types it) to the first 200 on the module's path, and from `module:uninstall <id>` to "
                + "the first 404. *Others touched*: bundles that were there before and after the operation and changed "
                + "(bundle:list: id, state, level, version), components of other bundles re-created (scr:list), and bundles "
                + "Karaf's features service logged as stopped, refreshed or restarted (karaf.log); the largest of the three "
                + "(must be 0). *Self-reported*: what `module:install` itself printed (\"other bundles restarted or refreshed\"). The first repetition of each module includes its first database migrations. Baseline: none that is meaningful "
                + "(the figure's bar is absolute: 0 others touched).\n\n"
                + "| module | install → 200 (ms) | command returned (ms) | uninstall → 404 (ms) | others touched "
                + "(install / uninstall) | self-reported by install | bundles added and removed |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String> module : modules.entrySet()) {
            String id = module.getKey();
            String path = module.getValue();
            List<Double> install = new ArrayList<>();
            List<Double> returned = new ArrayList<>();
            List<Double> uninstall = new ArrayList<>();
            int othersInstall = 0;
            int othersUninstall = 0;
            Set<String> logged = new TreeSet<>();
            String selfReported = "";
            int added = 0;
            for (int r = 0; r < REPEATS; r++) {
                Snapshot before = snapshot(gapura);
                long started = System.nanoTime();
                GapuraInstance.Shell installed = gapura.console("module:install " + id);
                long commandReturned = System.nanoTime();
                assertEquals(0, installed.exitStatus(), installed.output());
                awaitStatus(gapura, path, 200);
                install.add((System.nanoTime() - started) / 1e6);
                returned.add((commandReturned - started) / 1e6);
                Snapshot between = snapshot(gapura);
                Effect onInstall = effect(gapura, before, between, id, installed.output());

                started = System.nanoTime();
                GapuraInstance.Shell removed = gapura.console("module:uninstall " + id);
                assertEquals(0, removed.exitStatus(), removed.output());
                awaitStatus(gapura, path, 404);
                uninstall.add((System.nanoTime() - started) / 1e6);
                Effect onUninstall = effect(gapura, between, snapshot(gapura), id, removed.output());

                othersInstall = Math.max(othersInstall, onInstall.others());
                othersUninstall = Math.max(othersUninstall, onUninstall.others());
                logged.addAll(onInstall.restartedPerLog());
                logged.addAll(onUninstall.restartedPerLog());
                selfReported = onInstall.selfReported() < 0 ? "–" : Integer.toString(onInstall.selfReported());
                added = onInstall.addedOrRemoved();
            }
            ObjectNode entry = figure.putObject(id);
            entry.put("path", path);
            entry.set("installToFirst200", summary(Stats.Summary.of(install), install));
            entry.set("installCommandReturned", summary(Stats.Summary.of(returned), returned));
            entry.set("uninstallTo404", summary(Stats.Summary.of(uninstall), uninstall));
            entry.put("otherBundlesTouchedByInstall", othersInstall);
            entry.put("otherBundlesTouchedByUninstall", othersUninstall);
            entry.putPOJO("restartedPerKarafLog", logged);
            entry.put("selfReported", selfReported);
            entry.put("bundlesAddedAndRemoved", added);
            markdown.append("| ").append(id).append(" | ").append(Stats.Summary.of(install).text("%.0f")).append(" | ")
                    .append(Stats.Summary.of(returned).text("%.0f")).append(" | ")
                    .append(Stats.Summary.of(uninstall).text("%.0f")).append(" | ")
                    .append(othersInstall).append(" / ").append(othersUninstall).append(" | ").append(selfReported)
                    .append(" | ").append(added).append(" |\n");
            if (othersInstall + othersUninstall > 0) {
                findings.add("figure 2: installing/uninstalling " + id + " touched other bundles: " + othersInstall + " / "
                        + othersUninstall + " " + logged);
            }
        }
    }

    private static void awaitStatus(GapuraInstance gapura, String path, int status) {
        await(path + " answers " + status).atMost(OPERATION_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> gapura.status(path) == status);
    }

    // ---------------------------------------------------------------- figure 3

    private void leaks(GapuraInstance gapura) throws Exception {
        String module = System.getProperty("bench.leakModule", modules.keySet().iterator().next());
        String prefix = "id.gapura." + module + ".";
        String path = modules.get(module);
        // one cycle first, so that what the platform loads once on first use is in "before"
        assertEquals(0, gapura.console("module:install " + module).exitStatus());
        awaitStatus(gapura, path, 200);
        Jvm.Memory installed = Jvm.memoryAfterFullGc(gapura.jvm(), prefix);
        assertEquals(0, gapura.console("module:uninstall " + module).exitStatus());
        awaitStatus(gapura, path, 404);
        Jvm.Memory before = Jvm.memoryAfterFullGc(gapura.jvm(), prefix);
        List<Double> cycleSeconds = new ArrayList<>();
        int failed = 0;
        int sampleEvery = Math.max(1, CYCLES / 4);
        StringBuilder trend = new StringBuilder(String.format("| %d | %.1f | %.1f | %d | %d |%n", 0, before.usedHeapMiB(),
                before.metaspaceMiB(), before.loadedClasses(), before.moduleClassLoaders()));
        ArrayNode samples = mapper.createArrayNode();
        long started = System.nanoTime();
        for (int i = 0; i < CYCLES; i++) {
            long cycle = System.nanoTime();
            // one console session per cycle: the status is the uninstall's, which fails too if the install did
            failed += gapura.console("module:install " + module + "; module:uninstall " + module).exitStatus() == 0 ? 0 : 1;
            cycleSeconds.add((System.nanoTime() - cycle) / 1e9);
            if ((i + 1) % sampleEvery == 0 && i + 1 < CYCLES) {
                Jvm.Memory sample = Jvm.memoryAfterFullGc(gapura.jvm(), prefix);
                trend.append(String.format("| %d | %.1f | %.1f | %d | %d |%n", i + 1, sample.usedHeapMiB(),
                        sample.metaspaceMiB(), sample.loadedClasses(), sample.moduleClassLoaders()));
                samples.add(mapper.valueToTree(Map.of("cycles", i + 1, "memory", sample)));
                System.out.printf("[bench] leak cycles: %d of %d, module class loaders %d%n", i + 1, CYCLES,
                        sample.moduleClassLoaders());
            }
        }
        long elapsed = System.nanoTime() - started;
        awaitStatus(gapura, path, 404);
        Jvm.Memory after = Jvm.memoryAfterFullGc(gapura.jvm(), prefix);

        ObjectNode figure = figures.putObject("3_leaks");
        figure.put("module", module);
        figure.put("cycles", CYCLES);
        figure.put("failedCycles", failed);
        figure.put("secondsPerCycleMedian", round(Stats.Summary.of(cycleSeconds).median()));
        figure.put("totalSeconds", Math.round(elapsed / 1e9));
        figure.putPOJO("whileInstalled", installed);
        figure.putPOJO("before", before);
        figure.putPOJO("after", after);
        figure.set("samples", samples);
        trend.append(String.format("| %d | %.1f | %.1f | %d | %d |%n", CYCLES, after.usedHeapMiB(),
                after.metaspaceMiB(), after.loadedClasses(), after.moduleClassLoaders()));
        figure.put("heapGrowthPerCycleKiB", round((after.usedHeapMiB() - before.usedHeapMiB()) * 1024 / CYCLES));
        figure.put("metaspaceRatio", round(Stats.ratio(after.metaspaceMiB(), before.metaspaceMiB())));
        figure.put("heapRatio", round(Stats.ratio(after.usedHeapMiB(), before.usedHeapMiB())));
        figure.put("classesRatio", round(Stats.ratio(after.loadedClasses(), before.loadedClasses())));
        boolean loaderLeak = after.moduleClassLoaders() > before.moduleClassLoaders();
        figure.put("classLoaderLeak", loaderLeak);
        markdown.append("\n## 3. Leaks over ").append(CYCLES).append(" install/uninstall cycles of ").append(module)
                .append("\n\nMeasured with jcmd after two full GCs (which unload the classes of unreachable class "
                        + "loaders), with the module uninstalled: before = after one warm-up cycle, after = after the "
                        + "cycles. *Module class loaders*: live class loaders that loaded a class of `" + prefix + "` "
                        + "(VM.classloaders); while installed there are " + installed.moduleClassLoaders()
                        + ". Baseline: the same JVM before the cycles (ratio after/before).\n\n"
                        + "| | before | after | ratio after/before |\n|---|---|---|---|\n")
                .append(String.format("| heap used after full GC (MiB) | %.1f | %.1f | %.2f |%n", before.usedHeapMiB(),
                        after.usedHeapMiB(), Stats.ratio(after.usedHeapMiB(), before.usedHeapMiB())))
                .append(String.format("| Metaspace used (MiB) | %.1f | %.1f | %.2f |%n", before.metaspaceMiB(),
                        after.metaspaceMiB(), Stats.ratio(after.metaspaceMiB(), before.metaspaceMiB())))
                .append(String.format("| loaded classes | %d | %d | %.2f |%n", before.loadedClasses(),
                        after.loadedClasses(), Stats.ratio(after.loadedClasses(), before.loadedClasses())))
                .append(String.format("| live class loaders of %s | %d | %d | – |%n", module, before.moduleClassLoaders(),
                        after.moduleClassLoaders()))
                .append("\nThe trend (after full GCs, module uninstalled):\n\n| cycles | heap (MiB) | Metaspace (MiB) "
                        + "| loaded classes | module class loaders |\n|---|---|---|---|---|\n").append(trend)
                .append(after.moduleLoaders().isEmpty() ? "" : "\nLive loaders with classes of the module after the cycles: "
                        + grouped(after.moduleLoaders()) + "\n")
                .append(installed.moduleLoaders().isEmpty() ? "" : "\nWhile installed: "
                        + String.join("; ", installed.moduleLoaders()) + "\n")
                .append(String.format("%nOne cycle (install + uninstall over SSH) took %.2f s (median); %d cycles failed. "
                                + "Heap growth per cycle: %.1f KiB. %s%n", Stats.Summary.of(cycleSeconds).median(), failed,
                        (after.usedHeapMiB() - before.usedHeapMiB()) * 1024 / CYCLES,
                        loaderLeak ? "**Finding: class loaders of the module accumulate over the cycles (a class-loader "
                                + "leak).**"
                                : after.moduleClassLoaders() > 0 ? "**Finding: " + after.moduleClassLoaders() + " class "
                                + "loader(s) of uninstalled generations of the module are still reachable after full GCs, "
                                + "as many as before the cycles: retained, not accumulating.**"
                                : "No class loader of the module survives uninstall."));
        if (loaderLeak) {
            findings.add("figure 3: " + (after.moduleClassLoaders() - before.moduleClassLoaders())
                    + " class loaders of " + module + " leaked over " + CYCLES + " cycles");
        }
        if (!loaderLeak && after.moduleClassLoaders() > 0) {
            findings.add("figure 3: " + after.moduleClassLoaders() + " class loader(s) of uninstalled generations of "
                    + module + " stay reachable after full GCs (as many before as after " + CYCLES
                    + " cycles: retained, not accumulating)");
        }
        if (failed > 0) {
            findings.add("figure 3: " + failed + " install/uninstall cycles failed");
        }
    }

    /** "2 × org.apache.felix...BundleClassLoader (115 classes)" instead of the same line twice. */
    private static String grouped(List<String> lines) {
        Map<String, Long> counts = lines.stream().collect(Collectors.groupingBy(line -> line, LinkedHashMap::new,
                Collectors.counting()));
        return counts.entrySet().stream().map(entry -> entry.getValue() + " × " + entry.getKey())
                .collect(Collectors.joining("; "));
    }

    // ---------------------------------------------------------------- figure 4

    /** Sets the instance up for Open311 writes: complaints installed, an api_key issued; returns the key. */
    private String open311(GapuraInstance gapura) throws Exception {
        GapuraInstance.Shell list = gapura.console("module:list --no-format");
        if (!list.output().matches("(?s).*complaints\\s.*\\binstalled\\b.*")) {
            GapuraInstance.Shell install = gapura.console("module:install complaints");
            assertEquals(0, install.exitStatus(), install.output());
        }
        awaitStatus(gapura, "/open311/v2/services.json", 200);
        GapuraInstance.Shell issue = gapura.console("complaints:apikey-issue BENCH benchmark");
        assertEquals(0, issue.exitStatus(), issue.output());
        return issue.lines().get(1);
    }

    private static HttpRequest submit(GapuraInstance gapura, String apiKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", apiKey);
        form.put("service_code", "JLN-RUSAK");
        form.put("lat", "-6.178306");
        form.put("long", "106.631889");
        form.put("address_string", "Jl. Daan Mogot No. 1, Tangerang");
        form.put("description", "Lubang besar di lajur kiri (uji beban)");
        form.put("first_name", "Budi");
        form.put("last_name", "Santoso");
        form.put("email", "budi@example.id");
        form.put("attribute[ukuran]", "besar");
        String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(url(gapura, "/open311/v2/requests.json")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(GapuraInstance gapura, String path) {
        return HttpRequest.newBuilder(url(gapura, path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static URI url(GapuraInstance gapura, String path) {
        return URI.create("http://localhost:" + gapura.httpPort + path);
    }

    private static String requestId(String body) {
        Matcher matcher = REQUEST_ID.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Load.Result measure(int concurrency, HttpRequest request) throws InterruptedException {
        Load load = new Load(concurrency, () -> request, false);
        Thread.sleep(WARMUP * 1000L);
        long from = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        long to = System.nanoTime();
        return load.stop().result(from, to);
    }

    private void http(GapuraInstance gapura) throws Exception {
        String apiKey = open311(gapura);
        HttpRequest post = submit(gapura, apiKey);
        String seeded = gapura.send("POST", "/open311/v2/requests.json", post.headers().firstValue("Content-Type").orElseThrow(),
                formBody(apiKey), null, null).body();
        String id = requestId(seeded);
        assertTrue(id != null, seeded);
        gapura.deploy(Baseline.HELLO_JAR, Baseline.helloBundle());
        awaitStatus(gapura, Baseline.HELLO_PATH, 200);

        Map<String, HttpRequest> targets = new LinkedHashMap<>();
        targets.put("baseline servlet GET " + Baseline.HELLO_PATH, get(gapura, Baseline.HELLO_PATH));
        targets.put("Open311 GET requests/{id}.json", get(gapura, "/open311/v2/requests/" + id + ".json"));
        targets.put("Open311 POST requests.json", post);
        // target -> concurrency -> measure -> values of the repetitions
        Map<String, Map<Integer, Map<String, List<Double>>>> values = new LinkedHashMap<>();
        for (int r = 0; r < REPEATS; r++) {
            for (int concurrency : CONCURRENCY) {
                Load.Result baseline = null;
                for (Map.Entry<String, HttpRequest> target : targets.entrySet()) {
                    Load.Result result = measure(concurrency, target.getValue());
                    if (baseline == null) {
                        baseline = result;
                    }
                    Map<String, List<Double>> v = values.computeIfAbsent(target.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(concurrency, k -> new LinkedHashMap<>());
                    add(v, "throughput", result.throughput());
                    add(v, "p50", result.p50Millis());
                    add(v, "p99", result.p99Millis());
                    add(v, "errors", result.errors());
                    add(v, "throughputRatio", Stats.ratio(result.throughput(), baseline.throughput()));
                    add(v, "p50Ratio", Stats.ratio(result.p50Millis(), baseline.p50Millis()));
                    add(v, "p99Ratio", Stats.ratio(result.p99Millis(), baseline.p99Millis()));
                    System.out.printf("[bench] %s c=%d: %.0f/s p50 %.1f ms p99 %.1f ms errors %d %s%n", target.getKey(),
                            concurrency, result.throughput(), result.p50Millis(), result.p99Millis(), result.errors(),
                            result.statuses());
                }
            }
        }
        ObjectNode figure = figures.putObject("4_http");
        figure.put("loadGenerator", "closed loop, java.net.http over kept-alive HTTP/1.1 connections, in the benchmark's "
                + "JVM (a process separate from the container)");
        figure.put("warmupSeconds", WARMUP);
        figure.put("measuredSeconds", SECONDS);
        figure.put("units", "throughput requests/s, latency ms; ratios to the baseline servlet at the same concurrency");
        markdown.append("\n## 4. HTTP throughput and latency\n\nClosed-loop load (each of *c* connections sends its next "
                + "request when the last is answered; java.net.http, HTTP/1.1 keep-alive) from the benchmark's JVM, a "
                + "process separate from the container, on the same machine. ").append(WARMUP).append(" s warm-up, ")
                .append(SECONDS).append(" s measured, repeated ").append(REPEATS).append(" times; per-client rate "
                        + "limiting turned off (`publicRequestsPerMinute = 0`). Baseline: a trivial servlet on the HTTP "
                        + "whiteboard of the same container, measured just before at the same concurrency; ratios are "
                        + "medians of those paired ratios. POSTs are real Open311 submissions (api_key, validation, a "
                        + "committed row in the embedded H2).\n\n"
                        + "| endpoint | c | requests/s | p50 (ms) | p99 (ms) | errors | throughput ratio | p50 ratio | p99 ratio |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<Integer, Map<String, List<Double>>>> target : values.entrySet()) {
            ObjectNode node = figure.putObject(target.getKey());
            for (Map.Entry<Integer, Map<String, List<Double>>> level : target.getValue().entrySet()) {
                ObjectNode c = node.putObject("c" + level.getKey());
                Map<String, List<Double>> v = level.getValue();
                v.forEach((measure, list) -> c.set(measure, summary(Stats.Summary.of(list), list)));
                double errors = v.get("errors").stream().mapToDouble(Double::doubleValue).sum();
                markdown.append(String.format("| %s | %d | %s | %s | %s | %.0f | %s | %s | %s |%n", target.getKey(),
                        level.getKey(), Stats.Summary.of(v.get("throughput")).text("%.0f"),
                        Stats.Summary.of(v.get("p50")).text("%.1f"), Stats.Summary.of(v.get("p99")).text("%.1f"), errors,
                        Stats.Summary.of(v.get("throughputRatio")).text("%.2f"), Stats.Summary.of(v.get("p50Ratio")).text("%.1f"),
                        Stats.Summary.of(v.get("p99Ratio")).text("%.1f")));
                if (errors > 0) {
                    findings.add("figure 4: " + (long) errors + " errors on " + target.getKey() + " at c=" + level.getKey());
                }
            }
        }
        gapura.undeploy(Baseline.HELLO_JAR);
    }

    private static String formBody(String apiKey) {
        return "api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8) + "&service_code=JLN-RUSAK&lat=-6.178306"
                + "&long=106.631889&address_string=Jl.+Daan+Mogot+No.+1&description=Lubang+besar+(uji+beban)"
                + "&first_name=Budi&last_name=Santoso&attribute%5Bukuran%5D=besar";
    }

    // ---------------------------------------------------------------- figure 5

    private void churn(GapuraInstance gapura) throws Exception {
        String loaded = "complaints";
        String churned = modules.keySet().stream().filter(id -> !id.equals(loaded)).findFirst().orElseThrow();
        String churnedPath = modules.get(churned);
        String apiKey = open311(gapura);
        String id = requestId(gapura.send("POST", "/open311/v2/requests.json",
                "application/x-www-form-urlencoded; charset=utf-8", formBody(apiKey), null, null).body());
        int concurrency = Integer.getInteger("bench.churnConcurrency", 4);
        HttpRequest read = get(gapura, "/open311/v2/requests/" + id + ".json");
        Load load = new Load(concurrency, () -> read, false);
        Thread.sleep(WARMUP * 1000L);
        long quietFrom = System.nanoTime();
        Thread.sleep(SECONDS * 2000L);
        long churnFrom = System.nanoTime();
        List<Double> install = new ArrayList<>();
        List<Double> uninstall = new ArrayList<>();
        for (int i = 0; i < CHURN_CYCLES; i++) {
            long started = System.nanoTime();
            assertEquals(0, gapura.console("module:install " + churned).exitStatus());
            awaitStatus(gapura, churnedPath, 200);
            install.add((System.nanoTime() - started) / 1e6);
            started = System.nanoTime();
            assertEquals(0, gapura.console("module:uninstall " + churned).exitStatus());
            awaitStatus(gapura, churnedPath, 404);
            uninstall.add((System.nanoTime() - started) / 1e6);
        }
        long churnTo = System.nanoTime();
        load.stop();
        Load.Result quiet = load.result(quietFrom, churnFrom);
        Load.Result churn = load.result(churnFrom, churnTo);
        long threshold = Math.max(10 * Stats.percentile(quiet.sortedLatencies(), 0.99), 50_000_000L);
        long spikes = load.slowerThan(churnFrom, churnTo, threshold);
        long quietSpikes = load.slowerThan(quietFrom, churnFrom, threshold);

        ObjectNode figure = figures.putObject("5_churn");
        figure.put("loadedModule", loaded);
        figure.put("load", "Open311 GET requests/{id}.json, c=" + concurrency);
        figure.put("churnedModule", churned);
        figure.put("cycles", CHURN_CYCLES);
        figure.put("retriedRequests", false);
        figure.set("quiet", result(quiet));
        figure.set("churn", result(churn));
        figure.put("spikeThresholdMs", round(threshold / 1e6));
        figure.put("spikesDuringChurn", spikes);
        figure.put("spikesWhileQuiet", quietSpikes);
        figure.put("p99Ratio", round(Stats.ratio(churn.p99Millis(), quiet.p99Millis())));
        figure.put("throughputRatio", round(Stats.ratio(churn.throughput(), quiet.throughput())));
        figure.set("churnedInstallToFirst200Ms", summary(Stats.Summary.of(install), install));
        figure.set("churnedUninstallTo404Ms", summary(Stats.Summary.of(uninstall), uninstall));
        markdown.append("\n## 5. Churn\n\nSteady load on ").append(loaded).append(" (Open311 GET requests/{id}.json, c=")
                .append(concurrency).append(") while ").append(churned).append(" is installed and uninstalled ")
                .append(CHURN_CYCLES).append(" times (each waiting for its 200, then its 404). Each module has a JAX-RS ")
                .append("application of its own and nothing retries a request: an error here is an error a client saw. ")
                .append("Baseline: the same load in the ")
                .append(SECONDS * 2).append(" s just before the churn. A *spike* is a request slower than ")
                .append(String.format("%.0f ms", threshold / 1e6)).append(" (10 × the quiet p99, at least 50 ms).\n\n"
                        + "| window | s | requests | errors | requests/s | p50 (ms) | p99 (ms) | max (ms) | spikes |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n")
                .append(row("quiet (baseline)", quiet, quietSpikes)).append(row("churn", churn, spikes))
                .append(String.format("%nRatios churn/quiet: throughput %.2f, p99 %.2f. Statuses during churn: %s. %s%n",
                        Stats.ratio(churn.throughput(), quiet.throughput()), Stats.ratio(churn.p99Millis(), quiet.p99Millis()),
                        churn.statuses(), churn.errors() == 0 ? "No errors on the loaded module."
                                : "**Finding: " + churn.errors() + " errors on the loaded module during churn.**"));
        if (churn.errors() > 0) {
            findings.add("figure 5: " + churn.errors() + " errors on " + loaded + " while " + churned + " churned: "
                    + churn.statuses());
        }
    }

    private ObjectNode result(Load.Result result) {
        ObjectNode node = mapper.createObjectNode();
        node.put("seconds", round(result.seconds()));
        node.put("requests", result.requests());
        node.put("errors", result.errors());
        node.put("throughput", round(result.throughput()));
        node.put("p50Ms", round(result.p50Millis()));
        node.put("p99Ms", round(result.p99Millis()));
        node.put("maxMs", round(result.maxMillis()));
        node.putPOJO("statuses", result.statuses());
        return node;
    }

    private static String row(String label, Load.Result result, long spikes) {
        return String.format("| %s | %.1f | %d | %d | %.0f | %.1f | %.1f | %.0f | %d |%n", label, result.seconds(),
                result.requests(), result.errors(), result.throughput(), result.p50Millis(), result.p99Millis(),
                result.maxMillis(), spikes);
    }

    // ---------------------------------------------------------------- figure 6

    private void crash() throws Exception {
        ObjectNode figure = figures.putObject("6_crash_durability");
        markdown.append("\n## 6. Crash durability\n\nOpen311 POST requests.json at c=4 for ").append(SECONDS)
                .append(" s, then `kill -9` of the Karaf JVM while the writes go on; after a restart every acknowledged "
                        + "write (a 2xx answer with its service_request_id) is looked up with GET requests/{id}.json. "
                        + "Repeated ").append(CRASH_RUNS).append(" times on the same installation. Bar: 0 missing.\n\n"
                        + "| database | acknowledged writes | missing after restart | not checkable | failed (refused or cut off by the kill) | restart after kill (s) |\n"
                        + "|---|---|---|---|---|---|\n");
        crash(figure, "H2 (embedded)", null);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            crash(figure, "PostgreSQL " + postgresVersion(postgres), postgres);
        }
    }

    private static String postgresVersion(EmbeddedPostgres postgres) throws Exception {
        try (var db = postgres.getPostgresDatabase().getConnection();
             var rs = db.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    private void crash(ObjectNode figure, String database, EmbeddedPostgres postgres) throws Exception {
        long acknowledged = 0;
        long missing = 0;
        long uncheckable = 0;
        long inFlight = 0;
        List<Double> restarts = new ArrayList<>();
        try (GapuraInstance gapura = newGapura()) {
            if (postgres != null) {
                gapura.useDatabase("PostgreSQL JDBC Driver",
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
            }
            gapura.start();
            TestProvider.cover(gapura, "complaints");
            String apiKey = open311(gapura);
            for (int r = 0; r < CRASH_RUNS; r++) {
                HttpRequest post = submit(gapura, apiKey);
                Load load = new Load(4, () -> post, true);
                Thread.sleep(SECONDS * 1000L);
                gapura.kill();
                Thread.sleep(500);
                load.stop();
                Load.Result all = load.result(0, Long.MAX_VALUE);
                inFlight += all.errors();
                long restart = System.nanoTime();
                gapura.start();
                awaitStatus(gapura, "/open311/v2/services.json", 200);
                restarts.add((System.nanoTime() - restart) / 1e9);
                for (String body : load.acknowledged) {
                    acknowledged++;
                    String id = requestId(body);
                    int status = id == null ? -1 : gapura.status("/open311/v2/requests/" + id + ".json");
                    if (status == 404) {
                        missing++;
                    } else if (status != 200) {
                        uncheckable++;
                    }
                }
                System.out.printf("[bench] crash %s #%d: acknowledged %d, missing so far %d%n", database, r + 1,
                        load.acknowledged.size(), missing);
            }
        }
        ObjectNode node = figure.putObject(database);
        node.put("acknowledgedWrites", acknowledged);
        node.put("missingAfterRestart", missing);
        node.put("notCheckable", uncheckable);
        node.put("failedInFlight", inFlight);
        node.set("restartSeconds", summary(Stats.Summary.of(restarts), restarts));
        markdown.append(String.format("| %s | %d | %d | %d | %d | %s |%n", database, acknowledged, missing, uncheckable,
                inFlight, Stats.Summary.of(restarts).text("%.1f")));
        if (missing > 0 || uncheckable > 0) {
            findings.add("figure 6: " + missing + " acknowledged writes missing (" + uncheckable + " not checkable) after "
                    + "kill -9 on " + database);
        }
    }

    // ---------------------------------------------------------------- the report

    private void writeReport() throws IOException {
        Files.createDirectories(out);
        mapper.writeValue(out.resolve("report.json").toFile(), report);
        StringBuilder md = new StringBuilder("# Gapura benchmark and reliability report\n\n");
        var run = report.get("run");
        md.append(String.format("Run started %s on %s CPUs (load average %.1f at start), %s; %s; repeats %d, leak cycles %d, "
                        + "churn cycles %d, load %d s (+%d s warm-up) at concurrency %s. Median (min–max, n) of repeated "
                        + "runs; every ratio is against a baseline measured in the same run.%s%n",
                run.get("started").asText(), run.get("cpus").asText(), run.get("loadAverageAtStart").asDouble(),
                run.get("java").asText(), QUICK ? "**quick run (reduced counts)**" : "full counts", REPEATS, CYCLES,
                CHURN_CYCLES, SECONDS, WARMUP, CONCURRENCY,
                run.has("seconds") ? " The whole suite took " + run.get("seconds").asText() + " s." : ""));
        md.append("\n### Findings (figures that miss their bar)\n\n");
        if (!run.has("seconds")) {
            md.append("(run in progress)\n");
        } else if (findings.isEmpty() && failures.isEmpty()) {
            md.append("None among the figures measured (bars: 0 other bundles touched, no class-loader leak, 0 errors under "
                    + "churn, 0 lost writes).\n");
        } else {
            findings.forEach(finding -> md.append("- ").append(finding).append('\n'));
            failures.forEach(failure -> md.append("- not measured: ").append(failure).append('\n'));
        }
        md.append(markdown);
        Files.writeString(out.resolve("report.md"), md);
    }
}

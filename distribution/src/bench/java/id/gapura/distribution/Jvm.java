package id.gapura.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the JDK's own tools (jcmd) and /proc say about the container's JVM. */
final class Jvm {

    private Jvm() {
    }

    /** The state of the JVM's memory after full collections. */
    record Memory(double usedHeapMiB, double metaspaceMiB, long loadedClasses, List<String> moduleLoaders) {

        int moduleClassLoaders() {
            return moduleLoaders.size();
        }
    }

    /**
     * Two full GCs (which unload classes of unreachable class loaders), then used heap and Metaspace
     * (GC.heap_info), loaded classes (loaded minus unloaded, PerfCounter.print) and the live class loaders that
     * loaded a class of the package prefix (VM.classloaders show-classes).
     */
    static Memory memoryAfterFullGc(ProcessHandle jvm, String packagePrefix) throws IOException, InterruptedException {
        jcmd(jvm, "GC.run");
        jcmd(jvm, "GC.run");
        String heap = jcmd(jvm, "GC.heap_info");
        double used = kib(heap, "(?m)^\\s*\\S.*heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K") / 1024;
        double metaspace = kib(heap, "Metaspace\\s+used\\s+(\\d+)K") / 1024;
        String counters = jcmd(jvm, "PerfCounter.print");
        long loaded = (long) kib(counters, "java\\.cls\\.loadedClasses=(\\d+)")
                - (long) kib(counters, "java\\.cls\\.unloadedClasses=(\\d+)");
        return new Memory(used, metaspace, loaded,
                loadersWith(jcmd(jvm, "VM.classloaders show-classes=true fold=false"), packagePrefix));
    }

    /**
     * The loaders in a VM.classloaders tree (unfolded) that list at least one class of the package prefix, each as
     * its header line (loader name and class) with the number of such classes.
     */
    static List<String> loadersWith(String tree, String packagePrefix) {
        List<String> loaders = new ArrayList<>();
        String header = null;
        int classes = 0;
        for (String line : tree.split("\n")) {
            if (line.contains("+--")) {
                if (classes > 0) {
                    loaders.add(header + " (" + classes + " classes)");
                }
                header = line.substring(line.indexOf("+--") + 3).strip();
                classes = 0;
            } else if (header != null && line.replaceFirst("^[|\\s]*", "").replaceFirst("^(Hidden )?[Cc]lasses:\\s*", "")
                    .startsWith(packagePrefix)) {
                classes++;
            }
        }
        if (classes > 0) {
            loaders.add(header + " (" + classes + " classes)");
        }
        return loaders;
    }

    /** Resident set size from /proc (Linux). */
    static double rssMiB(ProcessHandle jvm) throws IOException {
        String status = Files.readString(Path.of("/proc/" + jvm.pid() + "/status"));
        return kib(status, "VmRSS:\\s+(\\d+)\\s+kB") / 1024;
    }

    static String jcmd(ProcessHandle jvm, String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gapura-bench-jcmd", ".txt");
        try {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(jcmdBinary(), Long.toString(jvm.pid())));
            args.addAll(java.util.List.of(command.split(" ")));
            Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + command + " did not answer within 120 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("jcmd " + command + " failed: " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String jcmdBinary() {
        Path jdk = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(jdk) ? jdk.toString() : "jcmd";
    }

    private static double kib(String text, String regex) throws IOException {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IOException("no " + regex + " in: " + text.substring(0, Math.min(text.length(), 2000)));
        }
        return Double.parseDouble(matcher.group(1));
    }
}

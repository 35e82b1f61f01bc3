package id.gapura.distribution;

import id.gapura.distribution.bench.HelloServlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baselines the figures are compared with: plain Apache Karaf of the same version booting the same
 * platform features as Gapura (its gapura-platform feature without Gapura's bundles), and a trivial servlet.
 */
final class Baseline {

    static final String FEATURE = "bench-baseline-platform";
    static final String HELLO_PATH = "/bench/hello";
    static final String HELLO_JAR = "gapura-bench-hello.jar";
    private static final String REPOSITORY = "mvn:id.gapura.bench/bench-baseline/1.0.0/xml/features";

    private Baseline() {
    }

    /**
     * Unpacks the apache-karaf archive into {@code work} and configures it like the Gapura assembly: the same
     * boot features except that gapura-platform is replaced by its third-party features and bundles, the same
     * JVM options (bin/setenv), the same HTTP and datasource configuration; every artifact is taken from the
     * assembly's system/ folder, so that neither container downloads anything while it boots. The servlet
     * bundle is in deploy/, as the readiness probe ({@link #HELLO_PATH}).
     */
    static Path prepare(Path karafArchive, Path assembly, Path work) throws IOException, InterruptedException {
        delete(work);
        Files.createDirectories(work);
        Process tar = new ProcessBuilder("tar", "xzf", karafArchive.toString(), "-C", work.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IOException("could not unpack " + karafArchive);
        }
        Path karaf;
        try (Stream<Path> entries = Files.list(work)) {
            karaf = entries.filter(Files::isDirectory).findFirst().orElseThrow(() -> new IOException("empty " + karafArchive));
        }
        copyMissing(assembly.resolve("system"), karaf.resolve("system"));
        for (String file : new String[] {"bin/setenv", "etc/org.ops4j.pax.web.cfg", "etc/org.ops4j.datasource-gapura.cfg",
                "etc/org.apache.karaf.features.cfg"}) {
            Files.copy(assembly.resolve(file), karaf.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }

        String gapuraFeatures;
        try (Stream<Path> files = Files.walk(assembly.resolve("system/id/gapura/id.gapura.features"))) {
            gapuraFeatures = Files.readString(files.filter(f -> f.toString().endsWith("-features.xml")).findFirst()
                    .orElseThrow(() -> new IOException("no Gapura features repository in " + assembly)));
        }
        Matcher platform = Pattern.compile("(?s)<feature name=\"gapura-platform\".*?\\n\\s*</feature>").matcher(gapuraFeatures);
        if (!platform.find()) {
            throw new IOException("no gapura-platform feature in the assembly's features repository");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<features name=\"bench-baseline\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n");
        Matcher repositories = Pattern.compile("<repository>.*?</repository>").matcher(gapuraFeatures);
        while (repositories.find()) {
            xml.append("    ").append(repositories.group()).append('\n');
        }
        String feature = platform.group()
                .replaceFirst("name=\"gapura-platform\" version=\"[^\"]*\"", "name=\"" + FEATURE + "\" version=\"1.0.0\"")
                .replaceAll("(?m)^\\s*<bundle[^>]*>mvn:id\\.gapura/.*</bundle>\\s*\\n", "");
        xml.append("    ").append(feature).append("\n</features>\n");
        Path repository = karaf.resolve("system/id/gapura/bench/bench-baseline/1.0.0/bench-baseline-1.0.0-features.xml");
        Files.createDirectories(repository.getParent());
        Files.writeString(repository, xml);

        Path featuresCfg = karaf.resolve("etc/org.apache.karaf.features.cfg");
        String cfg = Files.readString(featuresCfg)
                .replaceAll("mvn:id\\.gapura/id\\.gapura\\.features/[^,\\s]*", REPOSITORY)
                .replaceAll("gapura-platform/[^,\\s]*", FEATURE + "/1.0.0");
        if (!cfg.contains(REPOSITORY) || !cfg.contains(FEATURE)) {
            throw new IOException("unexpected etc/org.apache.karaf.features.cfg in the assembly:\n" + cfg);
        }
        Files.writeString(featuresCfg, cfg);
        Files.createDirectories(karaf.resolve("deploy"));
        Files.write(karaf.resolve("deploy").resolve(HELLO_JAR), helloBundle());
        try (Stream<Path> scripts = Files.list(karaf.resolve("bin"))) {
            scripts.forEach(script -> script.toFile().setExecutable(true));
        }
        return karaf;
    }

    /** A bundle with the {@link HelloServlet} as a DS component on the HTTP whiteboard at {@link #HELLO_PATH}. */
    static byte[] helloBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "id.gapura.bench.hello");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "javax.servlet;version=\"[3.1,5)\",javax.servlet.http;version=\"[3.1,5)\"");
        main.putValue("Service-Component", "OSGI-INF/hello.xml");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)"
                + "(version>=1.3.0)(!(version>=2.0.0)))\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            String classFile = HelloServlet.class.getName().replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(classFile));
            try (InputStream in = HelloServlet.class.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(jar);
            }
            jar.putNextEntry(new JarEntry("OSGI-INF/hello.xml"));
            jar.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="id.gapura.bench.hello">
                      <implementation class="%s"/>
                      <service><provide interface="javax.servlet.Servlet"/></service>
                      <property name="osgi.http.whiteboard.servlet.pattern" value="%s"/>
                    </scr:component>
                    """.formatted(HelloServlet.class.getName(), HELLO_PATH)).getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void copyMissing(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!Files.exists(target)) {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

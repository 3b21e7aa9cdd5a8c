package org.liaisondesk.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The window's start-up beside the smallest JavaFX window ({@code ui.MinimalWindow}), each in a new JVM of this
 * program's class path on the display this runs on: the login dialog ready ({@code -Dliaisondesk.startupProbe=login})
 * with the class-data archive the installers make (dumped here from the same class list), and without it. Three
 * starts each, in turns, after one warm-up each.
 */
public final class WindowStartup {

    static final String NEEDS_DISPLAY = "a display: bench --window under xvfb-run (docs/benchmarks.md)";
    static final String NEEDS_JAR = "the program as a jar: java -jar liaison-desk.jar bench --window";

    private static final int RUNS = 3;
    private static final String PASSWORD = "bench-start-password";
    /** Started by name in a JVM of its own: the benchmark stays headless. */
    static final String MINIMAL_WINDOW = "org.liaisondesk.ui.MinimalWindow";
    static final String LAUNCHER = "org.liaisondesk.Launcher";

    private final Path dir;
    private final String java;
    private final String classPath;

    /** @param dir a scratch folder of the benchmark's own */
    WindowStartup(Path dir) {
        this.dir = dir;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classPath = System.getProperty("java.class.path");
    }

    /** Whether a window can open here: on Linux and other X11 systems only with a display named. */
    public static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") || os.startsWith("mac") || System.getenv("DISPLAY") != null
                || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /**
     * startup_ms (with the archive, as installed), startup_ratio, and startup_plain_ms (without it) for reference.
     * A class-data archive takes jars only: run from class folders (an IDE, the tests), the first two stay pending.
     */
    List<Figure> measure() {
        boolean archivable = Arrays.stream(classPath.split(File.pathSeparator)).allMatch(e -> e.endsWith(".jar"));
        Path db = dir.resolve("window.db");
        Path archive = dir.resolve("window.jsa");
        ChildProcess.run(List.of(java, "-cp", classPath, LAUNCHER, "--db", db.toString(), "init", "--station",
                "ZZ-99", "--name", "启动测试站"), null);
        ChildProcess.run(List.of(java, "-cp", classPath, LAUNCHER, "--db", db.toString(), "user", "add",
                "--role", "admin", "--password-stdin", "clerk"), PASSWORD + "\n");
        if (archivable) {
            dumpArchive(archive);
        }
        List<String> minimal = List.of(java, "-cp", classPath, MINIMAL_WINDOW);
        List<String> plain = window(db, List.of());
        List<String> shared = window(db, List.of("-XX:SharedArchiveFile=" + archive));
        Samples minimalMs = new Samples(RUNS);
        Samples plainMs = new Samples(RUNS);
        Samples sharedMs = new Samples(RUNS);
        for (int i = 0; i <= RUNS; i++) {
            boolean warmUp = i == 0;
            sample(minimal, "window-ready-ms=", warmUp, minimalMs);
            sample(plain, "login-ready-ms=", warmUp, plainMs);
            if (archivable) {
                sample(shared, "login-ready-ms=", warmUp, sharedMs);
            }
        }
        double base = minimalMs.percentileMs(50);
        Figure plainFigure = Figure.measured("startup_plain_ms", plainMs.percentileMs(50), "ms", base, null, true);
        if (!archivable) {
            return List.of(Figure.pending("startup_ms", "ms", null, true, NEEDS_JAR),
                    Figure.pending("startup_ratio", "ratio", Benchmark.STARTUP_RATIO_GOAL, true, NEEDS_JAR),
                    plainFigure);
        }
        double installed = sharedMs.percentileMs(50);
        return List.of(Figure.measured("startup_ms", installed, "ms", base, null, true),
                Figure.measured("startup_ratio", installed / base, "ratio", null, Benchmark.STARTUP_RATIO_GOAL, true),
                plainFigure);
    }

    /** One start of {@code command}: its probe's figure goes into {@code samples} unless it is the warm-up. */
    private static void sample(List<String> command, String probe, boolean warmUp, Samples samples) {
        long ms = ChildProcess.reported(command, probe);
        if (!warmUp) {
            samples.add(TimeUnit.MILLISECONDS.toNanos(ms));
        }
    }

    private List<String> window(Path db, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dliaisondesk.startupProbe=login", "-cp", classPath, LAUNCHER,
                "--db", db.toString(), "--user", "clerk"));
        return command;
    }

    /** As the installers do: {@code -Xshare:dump} of the class list the jar carries, for this class path. */
    private void dumpArchive(Path archive) {
        Path classList = dir.resolve("window.classlist");
        try (InputStream in = WindowStartup.class.getResourceAsStream("liaison-desk.classlist")) {
            if (in == null) {
                throw new IllegalStateException("the class list is not in the program (packaging/cds)");
            }
            Files.copy(in, classList, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess.run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-cp", classPath), null);
    }
}

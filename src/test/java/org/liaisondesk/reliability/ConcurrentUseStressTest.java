package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.Launcher;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRun;
import org.liaisondesk.i18n.Messages;

/**
 * Two processes on one database never crash each other. A child JVM stands in for the window: it writes in large
 * transactions and single saves without pause (and first has the database file itself offered for import, which
 * must be refused unread: reading it with plain file I/O dropped its SQLite locks, and the next command line then
 * truncated the shared {@code -shm} under it: SIGBUS). Meanwhile command-line processes loop {@code backup},
 * {@code stats}, {@code list}, {@code search}, {@code check}. The writer must still be running at the end and stop
 * cleanly, every command exit 0, every acknowledged save be present and the file intact.
 * <p>
 * Runs {@value #DEFAULT_SECONDS} s by default; {@code -Dliaisondesk.stress.seconds=300} runs it for 5 minutes.
 */
class ConcurrentUseStressTest {

    static final int DEFAULT_SECONDS = 12;
    static final int SECONDS = Integer.getInteger("liaisondesk.stress.seconds", DEFAULT_SECONDS);
    /** Adds per writer in {@link #twoWritersLoseNothing()}: 1,000 in the long run, fewer by default. */
    static final int ADDS = SECONDS > DEFAULT_SECONDS ? 1_000 : 100;

    @TempDir
    Path dir;

    @Test
    void commandLineLoopsNeverCrashAWritingProcess() throws Exception {
        Path db = dir.resolve("general.db");
        new CliRun(db).ok("init", "--station", "ZZ-001", "--name", "并发测试总站", "--mode", "general");
        Child writer = Child.start(db, "stress");
        Map<String, int[]> runs = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int round = 0;
        try {
            while (System.nanoTime() < end && writer.process.isAlive()) {
                Path copy = dir.resolve("copy-" + round++ + ".db");
                for (List<String> command : List.of(List.of("backup", "--out", copy.toString()),
                        List.of("stats", "--json"), List.of("list", "--limit", "5", "--json"),
                        List.of("search", "路灯", "--limit", "5", "--json"), List.of("check"))) {
                    Result r = cli(db, command);
                    runs.computeIfAbsent(command.get(0), k -> new int[2])[r.code == 0 ? 0 : 1]++;
                    if (r.code != 0) {
                        failures.add(command.get(0) + " exit " + r.code + ": " + r.err);
                    }
                    if (!writer.process.isAlive()) {
                        break;
                    }
                }
                Files.deleteIfExists(copy);
            }
            assertThat(writer.process.isAlive()).as("the writing process is still running (no SIGBUS): "
                    + writer.err()).isTrue();
        } finally {
            writer.stop();
        }
        assertThat(writer.process.exitValue()).as("writer exit; stderr: " + writer.err()).isZero();
        assertThat(failures).isEmpty();
        List<String> acknowledged = writer.acknowledged;
        assertThat(acknowledged).isNotEmpty();
        assertThat(Sql.integrity(db)).isEqualTo("ok");
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"))) {
            for (String id : acknowledged) {
                assertThat(ctx.opinions().find(UUID.fromString(id))).as("acknowledged " + id).isPresent();
            }
        }
        long total = Sql.count(db, "SELECT count(*) FROM opinion");
        StringBuilder figures = new StringBuilder();
        runs.forEach((k, v) -> figures.append(' ').append(k).append('=').append(v[0]).append(" ok/")
                .append(v[1]).append(" failed"));
        System.out.printf("stress %d s: writer alive to the end, %d single saves acknowledged, %d opinions in the "
                + "file, integrity ok; commands:%s%n", SECONDS, acknowledged.size(), total, figures);
    }

    /** Two processes × {@link #ADDS} saves each: how many succeeded, needed a retry, failed; none lost. */
    @Test
    void twoWritersLoseNothing() throws Exception {
        Path db = dir.resolve("station.db");
        new CliRun(db).ok("init", "--station", "GS-011", "--name", "并发录入站");
        Child a = Child.start(db, "adds", String.valueOf(ADDS));
        Child b = Child.start(db, "adds", String.valueOf(ADDS));
        a.process.waitFor(10, TimeUnit.MINUTES);
        b.process.waitFor(10, TimeUnit.MINUTES);
        a.join();
        b.join();
        assertThat(a.process.exitValue()).as(a.err()).isZero();
        assertThat(b.process.exitValue()).as(b.err()).isZero();
        List<String> all = new ArrayList<>(a.acknowledged);
        all.addAll(b.acknowledged);
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(all.size());
        assertThat(all).doesNotHaveDuplicates();
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"))) {
            for (String id : all) {
                assertThat(ctx.opinions().find(UUID.fromString(id))).isPresent();
            }
        }
        assertThat(a.summary).contains("failed=0");
        assertThat(b.summary).contains("failed=0");
        System.out.printf("two writers x %d adds: A %s; B %s; %d in the file, none lost%n", ADDS, a.summary,
                b.summary, all.size());
    }

    private record Result(int code, String err) {
    }

    /** The real command line in a JVM of its own, as a person would start it beside the window. */
    private static Result cli(Path db, List<String> command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "--lang", "en", "--db", db.toString()));
        args.addAll(command);
        Process p = new ProcessBuilder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err.strip());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A {@link StressWriter} child: its acknowledged ids, its last summary line, its standard error. */
    private static final class Child {
        final Process process;
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final StringBuffer errors = new StringBuffer();
        volatile String summary = "";
        private final Thread out;
        private final Thread err;

        private Child(Process process) {
            this.process = process;
            CountDownLatch ready = new CountDownLatch(1);
            this.out = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.equals("ready")) {
                            ready.countDown();
                        } else if (line.startsWith("ack ") && line.length() == 40) {
                            acknowledged.add(line.substring(4));
                        } else if (line.startsWith("done ")) {
                            summary = line.substring(5);
                        }
                    }
                } catch (IOException e) {
                    // the child ended
                }
                ready.countDown();
            });
            this.err = new Thread(() -> {
                try {
                    errors.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the child ended
                }
            });
            out.start();
            err.start();
            try {
                assertThat(ready.await(120, TimeUnit.SECONDS)).as("child started").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static Child start(Path db, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp",
                    System.getProperty("java.class.path"), StressWriter.class.getName()));
            command.add(args[0]);
            command.add(db.toString());
            command.addAll(List.of(args).subList(1, args.length));
            return new Child(new ProcessBuilder(command).start());
        }

        /** Closes the child's standard input (it stops after its current write) and waits for it. */
        void stop() throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            join();
        }

        void join() throws InterruptedException {
            out.join();
            err.join();
        }

        String err() {
            String e = errors.toString();
            return e.length() > 2000 ? e.substring(0, 2000) : e;
        }
    }
}

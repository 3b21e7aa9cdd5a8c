package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRun;
import org.liaisondesk.i18n.Messages;

/**
 * An opinion reported as saved survives the process being killed hard mid-write: a child JVM saves opinions in a
 * loop and is killed with {@code destroyForcibly} (SIGKILL) at a random moment, {@value #CYCLES} times against the
 * same file; afterwards the file passes {@code integrity_check} and the full {@code check}, and every id the child
 * acknowledged is present.
 */
class CrashDurabilityTest {

    static final int CYCLES = 8;

    @TempDir
    Path dir;

    @Test
    void acknowledgedOpinionsSurviveKillNine() throws Exception {
        Path db = dir.resolve("crash.db");
        new CliRun(db).ok("init", "--station", "GS-001", "--name", "断电测试站");
        Random random = new Random(20240301L);
        List<String> acknowledged = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            List<String> ids = runAndKill(db, 50 + random.nextInt(700));
            acknowledged.addAll(ids);
            System.out.printf("cycle %d: %d opinions acknowledged before kill -9%n", cycle + 1, ids.size());
        }
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES);
        assertThat(Sql.integrity(db)).isEqualTo("ok");
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"))) {
            for (String id : acknowledged) {
                assertThat(ctx.opinions().find(UUID.fromString(id))).as("acknowledged " + id).isPresent();
            }
        }
        assertThat(new CliRun(db).run("check").code()).isZero();
        System.out.printf("%d cycles, %d acknowledged opinions all present, integrity ok%n", CYCLES,
                acknowledged.size());
    }

    /** Starts the writer, lets it save for {@code millis} after it is ready, kills it; returns the acknowledged ids. */
    private static List<String> runAndKill(Path db, int millis) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), db.toString()).redirectErrorStream(false).start();
        List<String> ids = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("ready")) {
                        ready.countDown();
                    } else if (line.length() == 36) {
                        ids.add(line); // a complete line: the child printed it after the save returned
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started").isTrue();
        Thread.sleep(millis);
        p.destroyForcibly();
        p.waitFor();
        reader.join();
        return ids;
    }
}

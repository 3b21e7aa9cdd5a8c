package org.liaisondesk.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionInput;

/**
 * Child process of {@link ConcurrentUseStressTest}, standing in for the window. {@code stress DB}: picks the
 * database file itself, its {@code -wal} and its {@code -shm} for import (a person choosing the wrong file; it must be refused without being read) and
 * opens a second context on it (which must not read it with plain I/O either), then
 * writes in a loop until standard input closes: a bulk of generated opinions in large transactions, then single
 * saves, printing {@code ack <id>} after each save returned. {@code adds DB N}: N single saves, retrying one that
 * found the database busy, then one line {@code done ok=.. retried=.. failed=.. maxMs=..}.
 */
public final class StressWriter {

    private StressWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path db = Path.of(args[1]);
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("en"))) {
            if (args[0].equals("adds")) {
                adds(ctx, Integer.parseInt(args[2]));
                return;
            }
            for (String suffix : List.of("", "-wal", "-shm")) { // refused, never read
                ctx.imports().importPaths(List.of(db.resolveSibling(db.getFileName() + suffix)), "stress");
            }
            // A second context on the same file in this process (as the window's parts or a test may open): its
            // header check used to read the file with plain I/O, which dropped the first one's SQLite locks.
            AppContext.open(db, Messages.forLanguage("en")).close();
            System.out.println("ready");
            Thread stopper = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // wait for the parent to close standard input
                    }
                } catch (IOException ignored) {
                    // the parent went away: stop as well
                }
            });
            stopper.start();
            for (long round = 0; stopper.isAlive(); round++) {
                ctx.generator().generate(1_500, 1, round, "stress", n -> { });
                for (int i = 0; i < 10 && stopper.isAlive(); i++) {
                    System.out.println("ack " + ctx.opinionService().record(input(round * 10 + i), "stress").id());
                }
            }
        }
        System.out.println("stopped");
    }

    private static void adds(AppContext ctx, int count) {
        int ok = 0;
        int retried = 0;
        int failed = 0;
        long maxMs = 0;
        System.out.println("ready");
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            boolean saved = false;
            for (int attempt = 0; attempt < 3 && !saved; attempt++) {
                try {
                    System.out.println("ack " + ctx.opinionService().record(input(i), "writer").id());
                    saved = true;
                    if (attempt > 0) {
                        retried++;
                    }
                } catch (UserFacingException e) {
                    if (!e.messageKey().equals("store.error.locked")) {
                        throw e;
                    }
                }
            }
            if (saved) {
                ok++;
            } else {
                failed++;
            }
            maxMs = Math.max(maxMs, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("done ok=%d retried=%d failed=%d maxMs=%d%n", ok, retried, failed, maxMs);
    }

    private static OpinionInput input(long i) {
        return new OpinionInput(LocalDateTime.now().minusMinutes(1), Channel.PHONE,
                new Constituent("王五", "13700001111", "幸福里小区", true), null,
                "并发测试第 " + i + " 条:小区门口的路灯晚上不亮,行人看不清路。", null);
    }
}

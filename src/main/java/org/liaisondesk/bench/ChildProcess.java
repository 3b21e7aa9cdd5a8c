package org.liaisondesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A new process the benchmark starts (a JVM of the program, a bare one, a window): run to its end, exit 0 or fail. */
final class ChildProcess {

    /** Longer than any start the benchmark makes on a loaded machine; a hung window must not hang the run. */
    private static final long TIMEOUT_S = 120;

    private ChildProcess() {
    }

    /** Runs {@code command} to its end, with {@code input} (or nothing) on its standard input; output discarded. */
    static void run(List<String> command, String input) {
        Process p = start(command);
        try {
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finish(p, command);
    }

    /** The number {@code command} prints after {@code prefix} at the start of a line (a start-up probe's figure). */
    static long reported(List<String> command, String prefix) {
        Process p = start(command);
        Optional<Long> number = Optional.empty();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (number.isEmpty() && line.startsWith(prefix)) {
                    number = Optional.of(Long.parseLong(line.substring(prefix.length()).trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finish(p, command);
        return number.orElseThrow(() -> new IllegalStateException(String.join(" ", command) + " printed no "
                + prefix));
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void finish(Process p, List<String> command) {
        try {
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in " + TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

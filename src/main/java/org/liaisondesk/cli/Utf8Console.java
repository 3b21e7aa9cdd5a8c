package org.liaisondesk.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese in and out whatever the locale: on a machine without LANG the JVM decodes arguments as ASCII ("??") and
 * writes '?' for Chinese. Output is always UTF-8; on Linux the raw argument bytes are re-read from /proc.
 */
public final class Utf8Console {

    private Utf8Console() {
    }

    public static PrintWriter out() {
        return new PrintWriter(new java.io.OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
    }

    public static PrintWriter err() {
        return new PrintWriter(new java.io.OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
    }

    /** The arguments as the user typed them, decoded as UTF-8 when the JVM's own decoding lost them. */
    public static String[] arguments(String[] args) {
        return arguments(args, System.getProperty("os.name", ""), System.getProperty("sun.jnu.encoding", "UTF-8"),
                Path.of("/proc/self/cmdline"));
    }

    /**
     * Only Linux has {@code /proc/self/cmdline}. On Windows {@code sun.jnu.encoding} is never UTF-8, and the path
     * names {@code \proc\self\cmdline} on the current drive: under wine that is the Unix file, holding wine's
     * own arguments, which replaced the user's.
     */
    static String[] arguments(String[] args, String osName, String jnuEncoding, Path cmdline) {
        if (args.length == 0 || !osName.startsWith("Linux")
                || Charset.forName(jnuEncoding).equals(StandardCharsets.UTF_8)) {
            return args;
        }
        try {
            byte[] raw = Files.readAllBytes(cmdline);
            List<String> all = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    all.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (all.size() < args.length) {
                return args;
            }
            return all.subList(all.size() - args.length, all.size()).toArray(String[]::new);
        } catch (IOException | RuntimeException e) {
            return args;
        }
    }
}

package org.liaisondesk.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in-process against one database file and captures what it prints. */
public final class CliRunner {

    private final Path database;

    public CliRunner(Path database) {
        this.database = database;
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code stdin} as standard input (UTF-8), for commands that read a stream. */
    public Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", database.toString()));
        all.addAll(List.of(args));
        int code = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int code, String out, String err) {
    }
}

package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line against one database file and keeps what it printed. */
public final class CliRun {

    public record Result(int code, String out, String err) {
    }

    private final Path db;

    public CliRun(Path db) {
        this.db = db;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--user", "tester"));
        all.addAll(List.of(args));
        int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs and insists on exit code 0, returning standard output. */
    public String ok(String... args) {
        Result r = run(args);
        if (r.code() != 0) {
            throw new AssertionError("exit " + r.code() + " for " + List.of(args) + ": " + r.err());
        }
        return r.out();
    }
}

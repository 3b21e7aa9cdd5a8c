package org.liaisondesk.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line against one database file and keeps what it printed. */
public final class CliRun {

    public record Result(int code, String out, String err) {
    }

    private final Path db;
    private final String keyPassphrase;

    public CliRun(Path db) {
        this(db, null);
    }

    private CliRun(Path db, String keyPassphrase) {
        this.db = db;
        this.keyPassphrase = keyPassphrase;
    }

    /** The same database, every run unlocking the private keys with {@code passphrase} (--key-passphrase-stdin). */
    public CliRun withKeyPassphrase(String passphrase) {
        return new CliRun(db, passphrase);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--user", "tester"));
        Cli cli;
        if (keyPassphrase == null) {
            cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true));
        } else {
            all.add("--key-passphrase-stdin");
            cli = new Cli(new ByteArrayInputStream((keyPassphrase + "\n").getBytes(StandardCharsets.UTF_8)),
                    new PrintWriter(out, true), new PrintWriter(err, true));
        }
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
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

package org.liaisondesk.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.liaisondesk.app.AppPaths;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import picocli.CommandLine;

/**
 * Runs the command line. Exit codes per the contract: 0 success, 1 usage error, 2 rejected input or data error
 * with a message on stderr a clerk can act on, never a stack trace.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int REJECTED = 2;

    private final RootCommand root = new RootCommand();
    private final CommandLine commandLine;

    public Cli(PrintWriter out, PrintWriter err) {
        this(System.in, out, err);
    }

    public Cli(InputStream in, PrintWriter out, PrintWriter err) {
        root.stdin(in);
        commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr())) {
                ex.getCommandLine().getErr().println(messages().get("cli.usageHint",
                        ex.getCommandLine().getCommandSpec().qualifiedName()));
            }
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(describe(ex));
            return REJECTED;
        });
    }

    /** Runs {@code args}; returns the exit code. */
    public int execute(String... args) {
        commandLine.setResourceBundle(helpBundle(languageOf(args)));
        try {
            return commandLine.execute(args);
        } finally {
            root.closeContext();
        }
    }

    /** The --lang value, looked up before parsing because the help text must already be in that language. */
    private static String languageOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return "zh";
    }

    private static ResourceBundle helpBundle(String language) {
        Locale locale = "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.CHINESE;
        return ResourceBundle.getBundle("org.liaisondesk.cli.help", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public RootCommand root() {
        return root;
    }

    private Messages messages() {
        return root.messages();
    }

    private String describe(Exception ex) {
        if (ex instanceof UserFacingException u) {
            return u.localized(messages());
        }
        Path log = writeCrashLog(ex);
        return messages().get("cli.error.unexpected", String.valueOf(ex.getMessage()), log == null ? "-" : log);
    }

    /** Unexpected errors: one line on screen, the details in a file support can ask for. */
    private static Path writeCrashLog(Exception ex) {
        try {
            Path dir = AppPaths.dataFolder().resolve("logs");
            Files.createDirectories(dir);
            Path file = dir.resolve("error-" + Instant.now().toString().replace(':', '-') + ".log");
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, trace.toString());
            return file;
        } catch (Exception e) {
            return null;
        }
    }
}

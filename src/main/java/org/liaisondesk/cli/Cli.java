package org.liaisondesk.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.liaisondesk.app.AppPaths;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.store.OwnerOnly;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the command line. Exit codes per the contract: 0 success, 1 usage error, 2 rejected input or data error
 * with a message on stderr a clerk can act on, never a stack trace.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int REJECTED = 2;

    /** Every command, in the order help lists them. */
    static final List<Class<?>> COMMANDS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            InitCommand.class, AddCommand.class, ListCommand.class, StatsCommand.class, TagCommand.class,
            GenerateCommand.class, SearchCommand.class, SimilarCommand.class, ClustersCommand.class,
            ExportCommand.class, ImportCommand.class, CheckCommand.class, BackupCommand.class, RestoreCommand.class,
            AuditCommand.class, UserCommand.class, KeysCommand.class, RetentionCommand.class,
            BenchCommand.class, RetagCommand.class, ReviewCommand.class, StatusCommand.class, HistoryCommand.class,
            ExportXlsxCommand.class, ReportCommand.class, FormCommand.class, ReceptionCommand.class,
            TagEvalCommand.class, AuditAnchorsCommand.class), LoopCommands.ALL.stream()).toList();

    /** Options of the root command that take a value, so their value is not taken for a command's name. */
    private static final Set<String> VALUE_OPTIONS = Set.of("--db", "--lang", "--user");

    private final RootCommand root = new RootCommand();
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;

    public Cli(PrintWriter out, PrintWriter err) {
        this(System.in, out, err);
    }

    public Cli(InputStream in, PrintWriter out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * The command line for {@code args}. Only the command named is registered (all of them for help or an unknown
     * name): building picocli's model of two dozen commands cost a noticeable part of every start, the window's too.
     */
    private CommandLine commandLine(String[] args) {
        root.stdin(in);
        CommandLine commandLine = new CommandLine(root);
        String named = commandName(args);
        for (Class<?> command : COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            if (named == null ? wantsHelp(args) : name.equals(named) || !isCommand(named)) {
                commandLine.addSubcommand(name, command);
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, rejected) -> {
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
        commandLine.setResourceBundle(helpBundle(languageOf(args)));
        return commandLine;
    }

    /** The first argument that is neither an option nor an option's value, or null. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (VALUE_OPTIONS.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    private static boolean isCommand(String name) {
        return COMMANDS.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(name));
    }

    private static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /** Runs {@code args}; returns the exit code. */
    public int execute(String... args) {
        try {
            return commandLine(args).execute(args);
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
            OwnerOnly.createDirectories(dir);
            OwnerOnly.tighten(dir);
            Path file = dir.resolve("error-" + Instant.now().toString().replace(':', '-') + ".log");
            OwnerOnly.createFile(file);
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, trace.toString());
            return file;
        } catch (Exception e) {
            return null;
        }
    }
}

package org.liaisondesk.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.app.AppPaths;
import org.liaisondesk.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code liaison-desk [--db PATH] [--lang zh|en] [COMMAND]}: without a command the window opens. */
@Command(name = "liaison-desk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false)
public final class RootCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT, descriptionKey = "db")
    Path database;

    @Option(names = "--lang", paramLabel = "zh|en", scope = ScopeType.INHERIT, descriptionKey = "lang")
    String language;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT, descriptionKey = "user")
    String user;

    private InputStream stdin = System.in;
    private boolean windowRequested;
    private AppContext context;

    @Override
    public Integer call() {
        windowRequested = true;
        return 0;
    }

    /** True when no command was given: the launcher opens the desktop window. */
    public boolean windowRequested() {
        return windowRequested;
    }

    public Path databaseFile() {
        return database != null ? database : AppPaths.defaultDatabase();
    }

    public String language() {
        return language;
    }

    /** Standard input, for commands that read a stream ({@code tag}). */
    InputStream stdin() {
        return stdin;
    }

    void stdin(InputStream in) {
        this.stdin = in;
    }

    /** The name given with {@code --user}, or null. */
    public String requestedUser() {
        return user;
    }

    public Messages messages() {
        return Messages.forLanguage(language);
    }

    /** Who the audit log names for command-line changes: {@code --user}, or the operating-system account. */
    public String actor() {
        return user != null && !user.isBlank() ? user : System.getProperty("user.name", "cli");
    }

    /**
     * Opens the database on first use, so {@code --help} and {@code --version} never touch it. A file named with
     * {@code --db} must already be a database of ours (only {@link #contextForSetUp()} creates one); the default
     * database in the data folder is created on first use.
     */
    AppContext context() {
        if (context == null) {
            context = database == null ? AppContext.open(databaseFile(), messages())
                    : AppContext.openExisting(databaseFile(), messages());
        }
        return context;
    }

    /** For the commands that set a database up ({@code init}, {@code generate}): a new file may be created. */
    AppContext contextForSetUp() {
        if (context == null) {
            context = AppContext.open(databaseFile(), messages());
        }
        return context;
    }

    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}

package org.liaisondesk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.app.AppPaths;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.service.Caller;
import org.liaisondesk.service.Permissions.Action;
import org.liaisondesk.service.UserService;
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

    @Option(names = "--password-stdin", descriptionKey = "passwordStdin")
    boolean passwordStdin;

    @Option(names = "--key-passphrase-stdin", descriptionKey = "keyPassphraseStdin")
    boolean keyPassphraseStdin;

    private InputStream stdin = System.in;
    private BufferedReader stdinLines;
    private Caller caller;
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

    /**
     * Who the audit log names for command-line changes: the proven account ({@code --user} with its password), or
     * {@code os:<operating-system user>} (see {@link Caller}).
     */
    public String actor() {
        return caller().actor();
    }

    /**
     * Who this run acts for, resolved once. {@code --user NAME} must prove the account's password (the first line
     * of standard input with {@code --password-stdin}, else typed at the console); a wrong password counts towards
     * the account's lockout like a wrong login. Without {@code --user} the run is the unproven operating-system user.
     */
    Caller caller() {
        AppContext ctx = context(); // opening may resolve the caller already (--key-passphrase-stdin)
        if (caller == null) {
            UserService users = ctx.users();
            boolean noAccounts = users.needsFirstAdministrator();
            String osUser = System.getProperty("user.name", "cli");
            if (user == null || user.isBlank()) {
                if (passwordStdin) {
                    throw new UserFacingException("access.error.passwordWithoutUser");
                }
                caller = Caller.unproven(osUser, null, noAccounts);
            } else {
                char[] password = accountPassword();
                if (password == null) {
                    if (!noAccounts) {
                        throw new UserFacingException("access.error.proofNeeded");
                    }
                    caller = Caller.unproven(osUser, user, true);
                } else {
                    try {
                        caller = Caller.proven(users.authenticate(user, password));
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                }
            }
        }
        return caller;
    }

    /** Refuses, before anything changes, an action this run's caller may not do. */
    void require(Action action) {
        caller().require(action);
    }

    private char[] accountPassword() {
        if (passwordStdin) {
            return readSecretLine("user.error.noPassword");
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return console.readPassword("%s", messages().get("access.prompt.password", user));
    }

    /**
     * The next line of standard input as a secret (passwords and passphrases are read in order: the account's
     * password first, then a key passphrase, then a new password); refused with {@code missingKey} at its end.
     */
    char[] readSecretLine(String missingKey) {
        try {
            if (stdinLines == null) {
                stdinLines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            }
            String line = stdinLines.readLine();
            if (line == null) {
                throw new UserFacingException(missingKey);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UserFacingException(missingKey, e);
        }
    }

    /** The rest of standard input as text (after any secret lines read before), for {@code --text-stdin}. */
    String readRestOfStdin() {
        try {
            if (stdinLines == null) {
                stdinLines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            }
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = stdinLines.read(buf)) > 0; ) {
                b.append(buf, 0, n);
            }
            return b.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Opens the database on first use, so {@code --help} and {@code --version} never touch it. A file named with
     * {@code --db} must already be a database of ours (only {@link #contextForSetUp()} creates one); the default
     * database in the data folder is created on first use.
     */
    AppContext context() {
        if (context == null) {
            opened(database == null ? AppContext.open(databaseFile(), messages())
                    : AppContext.openExisting(databaseFile(), messages()));
        }
        return context;
    }

    /** For the commands that set a database up ({@code init}, {@code generate}): a new file may be created. */
    AppContext contextForSetUp() {
        if (context == null) {
            opened(AppContext.open(databaseFile(), messages()));
        }
        return context;
    }

    /** The database is open: with {@code --key-passphrase-stdin}, the private keys are unlocked for this run. */
    private void opened(AppContext ctx) {
        context = ctx;
        if (keyPassphraseStdin) {
            unlockKeys();
        }
    }

    /**
     * Unlocks the private keys for this run with the next line of standard input (after the account's password).
     * Setting the first passphrase is an administrator's act.
     */
    private void unlockKeys() {
        Caller who = caller();
        if (!context.keys().hasPassphrase()) {
            who.require(Action.MANAGE_KEYS);
        }
        char[] passphrase = readSecretLine("keys.error.noPassphrase");
        try {
            context.keys().unlock(passphrase, who.actor());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}

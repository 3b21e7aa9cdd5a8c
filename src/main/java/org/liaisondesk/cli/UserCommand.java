package org.liaisondesk.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.Permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code user add|list|passwd|unlock}: local accounts for the window. Passwords come from the console (typed twice,
 * not echoed) or, with {@code --password-stdin} or when no console is attached, from the first line of standard
 * input; never from the command line, where other users of the PC could see them in the process list.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class,
                UserCommand.Unlock.class})
final class UserCommand extends CommandGroup {

    /** Reads a new password: typed twice at a console, else one line of standard input. */
    static char[] readPassword(RootCommand root, boolean fromStdin) {
        Console console = System.console();
        if (!fromStdin && console != null) {
            char[] first = console.readPassword("%s", root.messages().get("user.prompt.password"));
            char[] second = console.readPassword("%s", root.messages().get("user.prompt.again"));
            boolean same = first != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                throw new UserFacingException("user.error.passwordMismatch");
            }
            return first;
        }
        return root.readSecretLine("user.error.noPassword");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "user.name")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", descriptionKey = "user.role")
        String role;

        @Option(names = "--password-stdin", descriptionKey = "user.passwordStdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            Role r = Role.fromCode(role).orElseThrow(() -> new UserFacingException("user.error.role", role));
            root.require(Action.MANAGE_USERS);
            char[] password = readPassword(root, passwordStdin);
            try {
                UserAccount added = root.context().users().add(name, r, password, root.actor());
                parent.spec.commandLine().getOut().println(root.messages().get("user.added", added.name(),
                        root.messages().get("role." + added.role().code())));
            } finally {
                Arrays.fill(password, '\0');
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListUsers implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Option(names = "--json", descriptionKey = "user.json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            RootCommand root = parent.root;
            root.require(Action.MANAGE_USERS);
            List<UserAccount> users = root.context().users().list();
            PrintWriter out = parent.spec.commandLine().getOut();
            java.time.Instant now = root.context().clock().instant();
            if (json) {
                List<Map<String, Object>> rows = users.stream().map(u -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", u.name());
                    m.put("role", u.role().code());
                    m.put("locked", u.lockedAt(now));
                    m.put("lockedUntil", u.lockedUntil() == null ? null : u.lockedUntil().toString());
                    m.put("failedAttempts", u.failedAttempts());
                    m.put("createdAt", u.createdAt().toString());
                    m.put("passwordSetAt", u.passwordSetAt().toString());
                    return m;
                }).toList();
                out.println(root.context().json().writeValueAsString(rows));
            } else {
                for (UserAccount u : users) {
                    out.println(String.join("\t", u.name(), root.messages().get("role." + u.role().code()),
                            u.lockedAt(now) ? root.messages().get("user.lockedUntil", u.lockedUntil().toString())
                                    : ""));
                }
            }
            out.flush();
            return Cli.OK;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true)
    static final class Passwd implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "user.name")
        String name;

        @Option(names = "--password-stdin", descriptionKey = "user.passwordStdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            // Your own password: the old one was proven with --user; anyone else's: an administrator's act.
            if (!root.caller().is(name)) {
                root.require(Action.MANAGE_USERS);
            }
            char[] password = readPassword(root, passwordStdin);
            try {
                root.context().users().changePassword(name, password, root.actor());
            } finally {
                Arrays.fill(password, '\0');
            }
            parent.spec.commandLine().getOut().println(root.messages().get("user.passwordChanged", name));
            return Cli.OK;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true)
    static final class Unlock implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "user.name")
        String name;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            root.require(Action.MANAGE_USERS);
            root.context().users().unlock(name, root.actor());
            parent.spec.commandLine().getOut().println(root.messages().get("user.unlocked", name));
            return Cli.OK;
        }
    }
}

package org.liaisondesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.service.Permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code restore --from FILE --yes [--migrate]}: verifies the backup, saves the current state, then replaces it. A
 * backup of another station or mode is refused unless {@code --migrate} says this database is to become that one.
 */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false)
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", descriptionKey = "restore.from")
    Path from;

    @Option(names = "--yes", descriptionKey = "restore.yes")
    boolean yes;

    @Option(names = "--migrate", descriptionKey = "restore.migrate")
    boolean migrate;

    @Override
    public Integer call() {
        if (!yes) {
            throw new UserFacingException("restore.error.confirm", from, root.databaseFile());
        }
        root.require(Action.MANAGE_BACKUPS);
        Path saved = root.context().backups().restore(from, root.actor(), migrate);
        spec.commandLine().getOut().println(root.messages().get("restore.done", from, saved));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

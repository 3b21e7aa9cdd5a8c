package org.liaisondesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code backup --out FILE [--force]}: a verified, consistent copy, safe while the window is open. */
@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false)
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "backup.out")
    Path out;

    @Option(names = "--force", descriptionKey = "backup.force")
    boolean force;

    @Override
    public Integer call() {
        Path made = root.context().backups().backupTo(out, force, root.actor());
        spec.commandLine().getOut().println(root.messages().get("backup.done", made));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

package org.liaisondesk.cli;

import java.util.concurrent.Callable;
import org.liaisondesk.service.RetentionService;
import org.liaisondesk.service.Permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code retention [--run]}: how many closed opinions are past the retention period; erase their details. */
@Command(name = "retention", mixinStandardHelpOptions = true)
final class RetentionCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", descriptionKey = "retention.run")
    boolean run;

    @Override
    public Integer call() {
        RetentionService retention = root.context().retention();
        if (run) {
            root.require(Action.MANAGE_SETTINGS);
            int erased = retention.run(root.actor());
            spec.commandLine().getOut().println(root.messages().get("retention.erased", erased, retention.years()));
        } else {
            spec.commandLine().getOut().println(root.messages().get("retention.due", retention.due(),
                    retention.years()));
        }
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

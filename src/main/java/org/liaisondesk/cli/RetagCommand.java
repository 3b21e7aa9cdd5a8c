package org.liaisondesk.cli;

import java.util.concurrent.Callable;
import org.liaisondesk.model.Progress;
import org.liaisondesk.service.Permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code retag [--all]}: tags again with the current tagger every opinion only the tagger tagged; people's tags stay.
 * Without {@code --all} only those tagged against an older taxonomy version.
 */
@Command(name = "retag", mixinStandardHelpOptions = true)
final class RetagCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--all", descriptionKey = "retag.all")
    boolean all;

    @Override
    public Integer call() {
        root.require(Action.MANAGE_TAXONOMY);
        int changed = root.context().opinionService().retag(all, root.actor(), Progress.NONE);
        spec.commandLine().getOut().println(root.messages().get("cli.retag.done", changed,
                root.context().tagging().tagger().taxonomyVersion()));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

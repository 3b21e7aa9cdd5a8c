package org.liaisondesk.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code status ID handling|closed [--reply TEXT]}: moves a reviewed opinion on; closing needs the reply. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false)
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "review.id")
    String id;

    @Parameters(index = "1", paramLabel = "handling|closed", descriptionKey = "status.target")
    String target;

    @Option(names = "--reply", paramLabel = "TEXT", descriptionKey = "status.reply")
    String reply;

    @Override
    public Integer call() {
        UUID opinionId = SimilarCommand.parseId(id);
        Status to = Status.fromCode(target).filter(s -> s == Status.HANDLING || s == Status.CLOSED)
                .orElseThrow(() -> new UserFacingException("cli.error.statusTarget", target));
        AppContext ctx = root.context();
        return printSaved(spec, root, ctx.reviews().setStatus(opinionId, ReviewCommand.revisionOf(ctx, opinionId),
                to, reply, root.actor()));
    }

    /** One line: number, status, revision. */
    static int printSaved(CommandSpec spec, RootCommand root, Opinion saved) {
        spec.commandLine().getOut().println(root.messages().get("cli.review.saved", saved.number(),
                root.messages().get("status." + saved.status().code()), saved.revision()));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

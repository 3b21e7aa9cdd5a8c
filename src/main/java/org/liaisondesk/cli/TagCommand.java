package org.liaisondesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.tagging.TagStream;
import org.liaisondesk.tagging.TagStreamException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tag}: JSON Lines in ({@code {"id","text"}}), JSON Lines out (areas best first, [] when none fits). */
@Command(name = "tag", mixinStandardHelpOptions = true)
final class TagCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AppContext ctx = root.context();
        PrintWriter out = spec.commandLine().getOut();
        try {
            TagStream.run(root.stdin(), out, ctx.tagging().tagger(), ctx.json());
        } catch (TagStreamException e) {
            throw new UserFacingException("cli.error.tagLine", e, e.lineNumber(), e.getMessage());
        } finally {
            out.flush();
        }
        return Cli.OK;
    }
}

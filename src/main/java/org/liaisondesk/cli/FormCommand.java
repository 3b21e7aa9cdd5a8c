package org.liaisondesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Role;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code form register --opinion ID|--date D --out FILE} and {@code form notice --date D --place P --deputies A,B
 * --out FILE}: printable forms as Word documents.
 */
@Command(name = "form", mixinStandardHelpOptions = true,
        subcommands = {FormCommand.Register.class, FormCommand.Notice.class})
final class FormCommand extends CommandGroup {

    /** Says where the form went and how many pages it has. */
    int done(int pages, Path out) {
        spec.commandLine().getOut().println(root.messages().get("cli.form.done", pages, out.toAbsolutePath()));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }

    /**
     * Whose eyes residents' details are shown to: the proven account's role (a name given without its password is
     * refused, never trusted), null for an unproven user once accounts exist (sees masked details).
     */
    static Role viewer(RootCommand root) {
        return root.caller().role();
    }

    @Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Register implements Callable<Integer> {

        @ParentCommand
        FormCommand parent;

        static final class Which {
            @Option(names = "--opinion", required = true, paramLabel = "ID", descriptionKey = "form.opinion")
            String opinion;

            @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "form.day")
            String date;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "form.out")
        Path out;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            AppContext ctx = root.context();
            Role viewer = viewer(root);
            int pages;
            if (which.opinion != null) {
                UUID id;
                try {
                    id = UUID.fromString(which.opinion);
                } catch (IllegalArgumentException e) {
                    throw new UserFacingException("opinion.error.notFound", which.opinion);
                }
                ctx.forms().register(id, viewer, out);
                pages = 1;
            } else {
                pages = ctx.forms().registerForDay(Dates.parse(which.date), viewer, out);
            }
            return parent.done(pages, out);
        }
    }

    @Command(name = "notice", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Notice implements Callable<Integer> {

        @ParentCommand
        FormCommand parent;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "form.date")
        String date;

        @Option(names = "--time", paramLabel = "TIME", descriptionKey = "form.time")
        String time;

        @Option(names = "--place", required = true, paramLabel = "PLACE", descriptionKey = "form.place")
        String place;

        @Option(names = "--deputies", required = true, paramLabel = "NAME,NAME", descriptionKey = "form.deputies")
        String deputies;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "form.out")
        Path out;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            AppContext ctx = root.context();
            ctx.forms().notice(Dates.parse(date), time, place, Arrays.asList(deputies.split("[,，、]")),
                    LocalDate.now(ctx.clock()), out);
            return parent.done(1, out);
        }
    }
}

package org.liaisondesk.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code add --text TEXT [...]}: records one opinion, tags it, prints its id. */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false)
final class AddCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--text", required = true, paramLabel = "TEXT", descriptionKey = "add.text")
    String text;

    @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = "visit", descriptionKey = "add.channel")
    String channel;

    @Option(names = "--name", paramLabel = "NAME", descriptionKey = "add.name")
    String name;

    @Option(names = "--phone", paramLabel = "PHONE", descriptionKey = "add.phone")
    String phone;

    @Option(names = "--address", paramLabel = "ADDR", descriptionKey = "add.address")
    String address;

    @Option(names = "--consent", descriptionKey = "add.consent")
    boolean consent;

    @Option(names = "--received", paramLabel = "YYYY-MM-DD", descriptionKey = "add.received")
    String received;

    @Option(names = "--received-by", paramLabel = "NAME", descriptionKey = "add.receivedBy")
    String receivedBy;

    @Override
    public Integer call() {
        Channel ch = Channel.fromCode(channel).orElseThrow(() -> new UserFacingException("cli.error.channel", channel));
        AppContext ctx = root.context();
        OpinionInput input = new OpinionInput(receivedAt(ctx), ch, new Constituent(name, phone, address, consent),
                receivedBy != null ? receivedBy : root.actor(), text, null);
        Opinion saved = ctx.opinionService().record(input, root.actor());
        spec.commandLine().getOut().println(saved.id());
        return Cli.OK;
    }

    /** A date alone means today's time of day when it is today, otherwise the start of office hours. */
    private LocalDateTime receivedAt(AppContext ctx) {
        LocalDateTime now = LocalDateTime.now(ctx.clock()).withNano(0);
        if (received == null) {
            return now;
        }
        LocalDate date = Dates.parse(received);
        return date.equals(now.toLocalDate()) ? now : date.atTime(LocalTime.of(9, 0));
    }
}

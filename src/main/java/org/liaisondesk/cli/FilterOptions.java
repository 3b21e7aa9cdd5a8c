package org.liaisondesk.cli;

import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Status;
import picocli.CommandLine.Option;

/** The list filters ({@code --status --area --channel --station --from --to --deleted}), shared by commands. */
final class FilterOptions {

    @Option(names = "--status", paramLabel = "S", descriptionKey = "list.status")
    String status;

    @Option(names = "--area", paramLabel = "1..6", descriptionKey = "list.area")
    Integer area;

    @Option(names = "--channel", paramLabel = "CHANNEL", descriptionKey = "list.channel")
    String channel;

    @Option(names = "--station", paramLabel = "CODE", descriptionKey = "list.station")
    String station;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "list.from")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "list.to")
    String to;

    @Option(names = "--deleted", descriptionKey = "list.deleted")
    boolean deleted;

    /** The filter these options describe; a clear message (exit 2) for a value that is not valid. */
    OpinionFilter filter() {
        OpinionFilter f = OpinionFilter.ALL.withDeleted(deleted);
        if (status != null) {
            f = f.withStatus(Status.fromCode(status).orElseThrow(() -> new UserFacingException("cli.error.status",
                    status)));
        }
        if (channel != null) {
            f = f.withChannel(Channel.fromCode(channel).orElseThrow(() -> new UserFacingException(
                    "cli.error.channel", channel)));
        }
        if (area != null) {
            if (area < 0 || area > 6) {
                throw new UserFacingException("cli.error.area", area);
            }
            f = f.withArea(area);
        }
        return f.withStation(station).withReceived(Dates.parse(from), Dates.parse(to));
    }

}

package org.liaisondesk.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Priority;
import org.liaisondesk.service.ReviewService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code review ID --areas 4,3 [--note T] [--priority urgent|normal] [--handling H] [--reason T]}. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false)
final class ReviewCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "review.id")
    String id;

    @Option(names = "--areas", paramLabel = "4,3", required = true, descriptionKey = "review.areas")
    String areas;

    @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "review.note")
    String note;

    @Option(names = "--priority", paramLabel = "urgent|normal", defaultValue = "normal",
            descriptionKey = "review.priority")
    String priority;

    @Option(names = "--handling", paramLabel = "on-the-spot|street|district|deputy-suggestion|rejected",
            descriptionKey = "review.handling")
    String handling;

    @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "review.reason")
    String reason;

    @Override
    public Integer call() {
        UUID opinionId = SimilarCommand.parseId(id);
        Priority p = Priority.fromCode(priority)
                .orElseThrow(() -> new UserFacingException("cli.error.priority", priority));
        Handling h = handling == null ? null : Handling.fromCode(handling)
                .orElseThrow(() -> new UserFacingException("cli.error.handling", handling));
        ReviewService.Decision decision = new ReviewService.Decision(parseAreas(areas), note, p, h, reason);
        AppContext ctx = root.context();
        Opinion saved = ctx.reviews().review(opinionId, revisionOf(ctx, opinionId), decision, root.actor());
        return StatusCommand.printSaved(spec, root, saved);
    }

    /** The command line changes the opinion as it is now: its current revision. */
    static int revisionOf(AppContext ctx, UUID id) {
        return ctx.opinions().find(id).map(Opinion::revision)
                .orElseThrow(() -> new UserFacingException("opinion.error.notFound", id));
    }

    /** "4,3" → [4, 3]; "" or "none" → no area fits. */
    static List<Integer> parseAreas(String value) {
        String v = value.strip();
        List<Integer> out = new ArrayList<>();
        if (v.isEmpty() || v.equals("none")) {
            return out;
        }
        try {
            Arrays.stream(v.split("[,，]")).map(String::strip).map(Integer::parseInt).forEach(out::add);
        } catch (NumberFormatException e) {
            throw new UserFacingException("review.error.areas", value);
        }
        return out;
    }
}

package org.liaisondesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Page;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagFeedback;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.ReviewRepository;

/**
 * The deputies' review: confirm or correct the areas, note what should happen, set the priority and the handling;
 * then move the opinion on (办理中, 已办结 with a reply). Every change is a history entry and a new revision, refused
 * when the opinion changed since the reviewer read it.
 */
public final class ReviewService {

    /** The review note, reason and reply are short texts a deputy types. */
    public static final int MAX_NOTE = 2000;

    /** The queue's orders: oldest first, or by primary area (oldest first within an area). */
    public enum QueueOrder { OLDEST, AREA }

    /** What a deputy decided; {@code note}, {@code handling} and {@code reason} may be null. */
    public record Decision(List<Integer> areas, String note, Priority priority, Handling handling, String reason) {

        public Decision {
            areas = List.copyOf(areas);
        }
    }

    private final OpinionRepository opinions;
    private final ReviewRepository reviews;
    private final OpinionService opinionService;
    private final TaggingService tagging;
    private final Clock clock;

    public ReviewService(OpinionRepository opinions, ReviewRepository reviews, OpinionService opinionService,
                         TaggingService tagging, Clock clock) {
        this.opinions = opinions;
        this.reviews = reviews;
        this.opinionService = opinionService;
        this.tagging = tagging;
        this.clock = clock;
    }

    /** Opinions not yet reviewed (recorded, or exported without a review), one page at a time. */
    public Page<Opinion> queue(QueueOrder order, int offset, int limit) {
        OpinionSort sort = new OpinionSort(order == QueueOrder.AREA ? OpinionSort.Field.AREA
                : OpinionSort.Field.RECEIVED_AT, true);
        return reviews.unreviewed(sort, offset, limit);
    }

    public long pendingCount() {
        return reviews.unreviewedCount();
    }

    public Review review(UUID id) {
        return reviews.find(id).orElse(Review.none(id));
    }

    public List<HistoryEntry> history(UUID id) {
        require(id);
        return reviews.history(id);
    }

    /**
     * Stores a deputy's review of the opinion read at {@code revision}: the areas become the deputy's, the status
     * at least 已审阅; each changed field is a history entry. The areas are what the tagger learns from.
     */
    public Opinion review(UUID id, int revision, Decision decision, String who) {
        return reviewGroup(id, revision, List.of(), decision, who).opinion();
    }

    /** What a group review did: the opinion under review, and how many others of its matter it reviewed too. */
    public record GroupResult(Opinion opinion, int othersReviewed) {
    }

    /**
     * Reviews the opinion read at {@code revision} and, with the same decision, those of {@code others} that are
     * still waiting for a review (already reviewed ones keep their own decision). One transaction: all or none.
     */
    public GroupResult reviewGroup(UUID id, int revision, List<UUID> others, Decision decision, String who) {
        String actor = actorOrUnknown(who);
        Decision d = checked(decision);
        Opinion lead = require(id);
        List<Opinion> opinionsToReview = new ArrayList<>();
        opinionsToReview.add(lead);
        for (UUID other : others) {
            opinions.find(other).filter(o -> !other.equals(id) && awaitsReview(o)).ifPresent(opinionsToReview::add);
        }
        Instant now = clock.instant();
        List<ReviewRepository.Pending> changes = new ArrayList<>();
        for (Opinion o : opinionsToReview) {
            int expected = o == lead ? revision : o.revision();
            changes.add(new ReviewRepository.Pending(o.id(), expected, change(o, d, actor, now)));
        }
        List<Opinion> saved = reviews.applyAll(changes, actor, "review").orElseThrow(
                () -> new UserFacingException("opinion.error.changedElsewhere", lead.number()));
        for (Opinion o : opinionsToReview) {
            List<Integer> proposed = opinionService.autoTags(o.text()).stream().map(AreaTag::area).toList();
            tagging.recordFeedback(o.id(), new TagFeedback(o.text(), d.areas(), proposed), actor);
        }
        return new GroupResult(saved.get(0), saved.size() - 1);
    }

    /** Still in the deputies' queue: not reviewed (recorded, or exported without a review). */
    public boolean awaitsReview(Opinion o) {
        return (o.status() == Status.RECORDED || o.status() == Status.EXPORTED) && review(o.id()).reviewedAt() == null;
    }

    /** The areas become the deputy's, the status at least 已审阅; each changed field is a history entry. */
    private ReviewRepository.Change change(Opinion current, Decision d, String actor, Instant now) {
        if (current.status() == Status.CLOSED) {
            throw new UserFacingException("review.error.closed", current.number());
        }
        Review before = review(current.id());
        List<AreaTag> tags = deputyTags(current, d.areas(), actor);
        Status status = current.status().compareTo(Status.REVIEWED) < 0 ? Status.REVIEWED : current.status();
        Review after = new Review(current.id(), d.note(), d.priority(), d.handling(), d.reason(), before.reply(),
                actor, now);
        List<HistoryEntry> history = new ArrayList<>();
        history.add(entry(now, actor, "review", current.status().code(), status.code()));
        changed(history, now, actor, "areas", joined(current.areas()), joined(d.areas()));
        changed(history, now, actor, "note", before.note(), after.note());
        changed(history, now, actor, "priority", before.priority().code(), after.priority().code());
        changed(history, now, actor, "handling", code(before.handling()), code(after.handling()));
        changed(history, now, actor, "reason", before.reason(), after.reason());
        return new ReviewRepository.Change(tags, status, after, history);
    }

    /**
     * Moves a reviewed opinion on: to 办理中, or to 已办结 with the reply given to the constituent (required).
     */
    public Opinion setStatus(UUID id, int revision, Status target, String reply, String who) {
        String actor = actorOrUnknown(who);
        Opinion current = require(id);
        String cleanReply = InputRules.blankToNull(reply);
        boolean allowed = switch (target) {
            case HANDLING -> current.status() == Status.REVIEWED || current.status() == Status.EXPORTED;
            case CLOSED -> current.status().compareTo(Status.REVIEWED) >= 0 && current.status() != Status.CLOSED;
            default -> false;
        };
        if (!allowed) {
            throw new UserFacingException("review.error.transition", current.number(), current.status().code(),
                    target.code());
        }
        if (target == Status.CLOSED && cleanReply == null) {
            throw new UserFacingException("review.error.replyRequired", current.number());
        }
        checkLength(cleanReply);
        Review before = review(id);
        Instant now = clock.instant();
        String newReply = cleanReply != null ? cleanReply : before.reply();
        Review after = new Review(id, before.note(), before.priority(), before.handling(), before.reason(), newReply,
                before.reviewedBy(), before.reviewedAt());
        List<HistoryEntry> history = new ArrayList<>();
        history.add(entry(now, actor, "status", current.status().code(), target.code()));
        changed(history, now, actor, "reply", before.reply(), newReply);
        return reviews.apply(id, revision, new ReviewRepository.Change(current.tags(), target, after, history),
                actor, "status").orElseThrow(() -> new UserFacingException("opinion.error.changedElsewhere",
                current.number()));
    }

    /** History entries always name someone; "?" as in the audit log when nobody is known. */
    private static String actorOrUnknown(String actor) {
        return actor == null || actor.isBlank() ? "?" : actor;
    }

    private Opinion require(UUID id) {
        return opinions.find(id).filter(o -> !o.deleted())
                .orElseThrow(() -> new UserFacingException("opinion.error.notFound", id));
    }

    private static Decision checked(Decision d) {
        LinkedHashSet<Integer> areas = new LinkedHashSet<>(d.areas());
        if (areas.size() != d.areas().size()
                || areas.stream().anyMatch(a -> a < 1 || a > AreaTag.AREA_COUNT)) {
            throw new UserFacingException("review.error.areas", joined(d.areas()));
        }
        String note = InputRules.blankToNull(d.note());
        String reason = InputRules.blankToNull(d.reason());
        if (d.handling() == Handling.REJECTED && reason == null) {
            throw new UserFacingException("review.error.reasonRequired");
        }
        if (d.handling() != Handling.REJECTED && reason != null) {
            throw new UserFacingException("review.error.reasonOnlyRejected");
        }
        checkLength(note);
        checkLength(reason);
        return new Decision(d.areas(), note, d.priority() == null ? Priority.NORMAL : d.priority(), d.handling(),
                reason);
    }

    private static void checkLength(String text) {
        if (text != null && text.length() > MAX_NOTE) {
            throw new UserFacingException("review.error.tooLong", MAX_NOTE, text.length());
        }
    }

    /** The deputy's areas, the first primary; a clause the tagger matched for an area is kept to explain it. */
    private static List<AreaTag> deputyTags(Opinion current, List<Integer> areas, String actor) {
        List<AreaTag> tags = new ArrayList<>();
        for (int area : areas) {
            Optional<AreaTag> held = current.tags().stream().filter(t -> t.area() == area).findFirst();
            tags.add(new AreaTag(area, held.map(AreaTag::subtopicId).orElse(null),
                    held.map(AreaTag::clause).orElse(null), tags.isEmpty(), 1.0, TagSource.DEPUTY, actor,
                    held.map(AreaTag::taxonomyVersion).orElse(null)));
        }
        return tags;
    }

    private static void changed(List<HistoryEntry> history, Instant at, String actor, String action, String before,
                                String after) {
        if (!Objects.equals(before, after)) {
            history.add(entry(at, actor, action, before, after));
        }
    }

    /** The revision is set when the change is stored. */
    private static HistoryEntry entry(Instant at, String actor, String action, String before, String after) {
        return new HistoryEntry(at, actor, action, 0, before, after);
    }

    private static String joined(List<Integer> areas) {
        return areas.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String code(Handling h) {
        return h == null ? null : h.code();
    }
}

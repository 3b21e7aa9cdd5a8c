package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.TagFeedback;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.service.ReviewService.Decision;
import org.liaisondesk.store.TaggingRepository;

class ReviewServiceTest {

    @TempDir
    Path dir;

    AppContext ctx;
    ReviewService reviews;

    @BeforeEach
    void open() {
        ctx = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("zh"));
        ctx.stations().initialize("GS-001", "测试站", StationMode.STATION, "admin");
        reviews = ctx.reviews();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    /** An opinion the clerk put in area 1 (not left to the tagger, so a deputy's areas are always a change). */
    private Opinion add(String text, int day) {
        return ctx.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 3, day, 9, 0), Channel.VISIT,
                new Constituent(null, null, null, false), "clerk", text,
                List.of(new AreaTag(1, null, null, true, 1.0, TagSource.CLERK, "clerk", null))), "clerk");
    }

    @Test
    void reviewStoresDeputyAreasNoteDecisionAndHistoryAndLeavesTheQueue() {
        Opinion o = add("小区门口道路坑洼,下雨积水严重,希望尽快修补", 2);
        add("公交站台没有遮雨棚,老人等车很不方便", 1);
        assertThat(reviews.pendingCount()).isEqualTo(2);

        Opinion saved = reviews.review(o.id(), o.revision(),
                new Decision(List.of(4, 3), "请街道核实", Priority.URGENT, Handling.STREET, null), "王代表");

        assertThat(saved.status()).isEqualTo(Status.REVIEWED);
        assertThat(saved.revision()).isEqualTo(o.revision() + 1);
        assertThat(saved.areas()).containsExactly(4, 3);
        assertThat(saved.tags()).allSatisfy(t -> {
            assertThat(t.source()).isEqualTo(TagSource.DEPUTY);
            assertThat(t.setBy()).isEqualTo("王代表");
        });
        Review r = reviews.review(o.id());
        assertThat(r.note()).isEqualTo("请街道核实");
        assertThat(r.priority()).isEqualTo(Priority.URGENT);
        assertThat(r.handling()).isEqualTo(Handling.STREET);
        assertThat(r.reviewedBy()).isEqualTo("王代表");
        assertThat(reviews.history(o.id())).extracting(HistoryEntry::action)
                .containsExactly("review", "areas", "note", "priority", "handling");
        assertThat(reviews.history(o.id())).allSatisfy(h -> assertThat(h.revision()).isEqualTo(saved.revision()));
        assertThat(reviews.pendingCount()).isEqualTo(1);
        assertThat(reviews.queue(ReviewService.QueueOrder.OLDEST, 0, 10).items()).extracting(Opinion::id)
                .doesNotContain(o.id());
        // the clerk's areas at entry, then the deputy's: both are what the tagger learns from
        assertThat(new TaggingRepository(ctx.database()).feedback()).extracting(TagFeedback::areas)
                .containsExactly(List.of(1), List.of(1), List.of(4, 3));
    }

    @Test
    void aGroupReviewChangesOnlyThePendingOpinionsInOneTransactionAndCountsThem() {
        Opinion lead = add("小区门口道路坑洼,下雨积水严重", 1);
        Opinion pending = add("小区门口的路坑坑洼洼,一下雨就积水", 2);
        Opinion reviewedBefore = add("门口道路积水,希望修补", 3);
        Opinion stale = add("道路积水严重,出行不便", 4);
        reviews.review(reviewedBefore.id(), reviewedBefore.revision(),
                new Decision(List.of(3), "已由他人审阅", Priority.NORMAL, Handling.STREET, null), "李代表");

        ReviewService.GroupResult result = reviews.reviewGroup(lead.id(), lead.revision(),
                List.of(pending.id(), reviewedBefore.id()), new Decision(List.of(4), "请街道核实", Priority.URGENT,
                        Handling.STREET, null), "王代表");

        assertThat(result.othersReviewed()).isEqualTo(1);
        assertThat(reviews.review(pending.id()).note()).isEqualTo("请街道核实");
        assertThat(reviews.review(reviewedBefore.id()).note()).isEqualTo("已由他人审阅");

        // The lead changed since the deputy read it: nothing of the group is saved, the others included.
        Opinion lead2 = add("路面坑洼积水", 5);
        Opinion other2 = add("路面坑洼,下雨积水", 6);
        ctx.opinionService().edit(lead2.id(), lead2.revision(), new OpinionInput(lead2.receivedAt(),
                lead2.channel(), lead2.constituent(), lead2.receivedBy(), "路面坑洼积水(已补充)", null), "clerk");
        assertThatThrownBy(() -> reviews.reviewGroup(lead2.id(), lead2.revision(), List.of(other2.id()),
                new Decision(List.of(4), "x", Priority.NORMAL, null, null), "王代表"))
                .isInstanceOf(UserFacingException.class);
        assertThat(reviews.review(other2.id()).reviewedAt()).isNull();
        assertThat(reviews.review(lead2.id()).reviewedAt()).isNull();
    }

    @Test
    void aStaleRevisionIsRefusedAndNothingIsSaved() {
        Opinion o = add("垃圾分类投放点太少", 1);
        reviews.review(o.id(), o.revision(), new Decision(List.of(5), null, Priority.NORMAL, null, null), "甲");

        assertThatThrownBy(() -> reviews.review(o.id(), o.revision(),
                new Decision(List.of(2), "晚了", Priority.URGENT, null, null), "乙"))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("opinion.error.changedElsewhere");
        assertThat(reviews.review(o.id()).note()).isNull();
        assertThat(ctx.opinions().find(o.id()).orElseThrow().areas()).containsExactly(5);
        assertThat(reviews.history(o.id())).extracting(HistoryEntry::revision).containsOnly(o.revision() + 1);
    }

    @Test
    void statusesMoveOnOnlyAfterReviewAndClosingNeedsAReply() {
        Opinion o = add("希望增加社区养老服务", 1);
        assertThatThrownBy(() -> reviews.setStatus(o.id(), o.revision(), Status.HANDLING, null, "甲"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("review.error.transition");
        Opinion reviewed = reviews.review(o.id(), o.revision(),
                new Decision(List.of(6), null, Priority.NORMAL, Handling.DISTRICT, null), "甲");
        Opinion handling = reviews.setStatus(o.id(), reviewed.revision(), Status.HANDLING, null, "乙");
        assertThat(handling.status()).isEqualTo(Status.HANDLING);

        assertThatThrownBy(() -> reviews.setStatus(o.id(), handling.revision(), Status.CLOSED, " ", "乙"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("review.error.replyRequired");
        Opinion closed = reviews.setStatus(o.id(), handling.revision(), Status.CLOSED, "已安排日间照料中心", "乙");

        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(reviews.review(o.id()).reply()).isEqualTo("已安排日间照料中心");
        assertThat(reviews.history(o.id())).extracting(HistoryEntry::action, HistoryEntry::after).endsWith(
                org.assertj.core.groups.Tuple.tuple("status", "handling"),
                org.assertj.core.groups.Tuple.tuple("status", "closed"),
                org.assertj.core.groups.Tuple.tuple("reply", "已安排日间照料中心"));
        assertThatThrownBy(() -> reviews.review(o.id(), closed.revision(),
                new Decision(List.of(6), null, Priority.NORMAL, null, null), "甲"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("review.error.closed");
    }

    @Test
    void rejectingNeedsAReasonAndAreasMustBeOneToSixOnce() {
        Opinion o = add("邻里纠纷已起诉到法院,希望代表过问", 1);
        assertThatThrownBy(() -> reviews.review(o.id(), o.revision(),
                new Decision(List.of(1), null, Priority.NORMAL, Handling.REJECTED, "  "), "甲"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("review.error.reasonRequired");
        assertThatThrownBy(() -> reviews.review(o.id(), o.revision(),
                new Decision(List.of(1, 1), null, Priority.NORMAL, null, null), "甲"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("review.error.areas");
        assertThat(ctx.opinions().find(o.id()).orElseThrow().revision()).isEqualTo(o.revision());

        reviews.review(o.id(), o.revision(),
                new Decision(List.of(), null, Priority.NORMAL, Handling.REJECTED, "已进入诉讼程序"), "甲");
        assertThat(reviews.review(o.id()).reason()).isEqualTo("已进入诉讼程序");
        assertThat(ctx.opinions().find(o.id()).orElseThrow().tags()).extracting(AreaTag::area).isEmpty();
    }
}

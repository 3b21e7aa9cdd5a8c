package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.store.HandlingRepository;

/** B/C follow-up results and priority by residents, on a real database with a clock set to real dates. */
class LoopFollowUpAndPriorityTest extends HandlingDeskTest {

    @Override
    protected String stationName() {
        return "联络总站";
    }

    private Opinion add(String text) {
        return ctx.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 9, 22, 9, 0), Channel.VISIT,
                new Constituent("张三", "13800000000", null, true), "clerk", text, List.of()), "clerk");
    }

    private List<String> followUps() {
        return handling.supervision(false, null).stream().filter(w -> w.kind().equals("follow-up"))
                .map(w -> w.opinion().id().toString()).toList();
    }

    @Test
    void aFollowUpResultTakesTheMatterOffTheListUntilANewPromisedDatePasses() {
        Opinion o = add("老旧小区雨污分流改造");
        handling.assign(o.id(), new HandlingService.Assignment("JD-01", List.of(), null, null, null, false), "总站");
        handling.reply(o.id(), new HandlingService.Reply("已列入明年改造计划", "李科长", null, null, Outcome.C, null,
                LocalDate.parse("2026-09-30")), "总站");
        Opinion plain = add("路灯不亮");
        handling.assign(plain.id(), new HandlingService.Assignment("JD-01", List.of(), null, null, null, false),
                "总站");
        handling.reply(plain.id(), new HandlingService.Reply("已修复", "李科长", null, null, Outcome.A, null, null),
                "总站");
        assertThatThrownBy(() -> handling.followUp(plain.id(), "done", null, null, null, "总站"))
                .isInstanceOf(UserFacingException.class);
        assertThat(followUps()).isEmpty();
        days(8); // 10-01: the promised date has passed
        assertThat(followUps()).containsExactly(o.id().toString());
        assertThatThrownBy(() -> handling.followUp(o.id(), "maybe", null, null, null, "总站"))
                .isInstanceOf(UserFacingException.class);

        handling.followUp(o.id(), "still", "施工队已进场", null, LocalDate.parse("2026-10-20"), "总站");
        assertThat(followUps()).isEmpty();
        assertThat(handling.caseOf(o.id()).get("followup_result")).isEqualTo("still");
        days(20); // 10-21: the new promise has passed as well
        assertThat(followUps()).containsExactly(o.id().toString());
        handling.followUp(o.id(), "done", "已完工", null, null, "总站");
        assertThat(followUps()).isEmpty();

        // history and the next return batch carry it
        assertThat(handling.history(o.id())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("follow-up");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("followup_result");
            assertThat(e.before()).isEqualTo("still");
            assertThat(e.after()).isEqualTo("done");
        });
        HandlingRepository.Outgoing pending = ctx.handlingRepository().pending(o.station());
        assertThat(pending.cases()).anySatisfy(c -> {
            assertThat(c.opinionId()).isEqualTo(o.id());
            assertThat(c.fields()).containsEntry("followup_result", "done").containsEntry("followup_note", "已完工")
                    .containsEntry("followup_date", "2026-10-21");
        });
    }

    @Test
    void aMatterOfFiveResidentsComesFirstInTheReviewQueueAndTheOverdueList() {
        Opinion single = add("楼道灯坏了");
        Opinion lone = add("垃圾桶满了没人清");
        Opinion first = add("小区门口道路坑洼,下雨积水");
        for (int i = 0; i < 4; i++) {
            Opinion same = add("小区门口道路坑洼,居民第" + i + "次反映");
            ctx.searchService().link(same.id(), first.id(), "clerk");
        }
        Opinion pair = add("公交站台没有遮雨棚");
        ctx.searchService().link(add("公交站台没有遮雨棚,老人淋雨").id(), pair.id(), "clerk");

        // the review queue: the five residents' matter first, then the rest oldest first
        List<Opinion> queue = ctx.reviews().queue(ReviewService.QueueOrder.OLDEST, 0, 100).items();
        assertThat(queue).hasSize(9);
        assertThat(queue.subList(0, 5)).allSatisfy(o -> assertThat(o.text()).contains("坑洼"));
        assertThat(queue.get(5).id()).isEqualTo(single.id());
        List<Opinion> page2 = ctx.reviews().queue(ReviewService.QueueOrder.OLDEST, 4, 2).items();
        assertThat(page2).extracting(Opinion::text).first().asString().contains("坑洼");
        assertThat(page2.get(1).id()).isEqualTo(single.id());
        assertThat(ctx.reviews().queue(ReviewService.QueueOrder.OLDEST, 6, 100).items()).hasSize(3)
                .noneMatch(o -> o.text().contains("坑洼"));

        // overdue: the raised matter first although another is due earlier
        handling.assign(lone.id(), new HandlingService.Assignment("JD-01", List.of(), null,
                LocalDate.parse("2026-09-24"), null, false), "总站");
        handling.assign(first.id(), new HandlingService.Assignment("JD-01", List.of(), null,
                LocalDate.parse("2026-09-29"), null, true), "总站");
        days(15);
        List<HandlingService.Watched> overdue = handling.supervision(false, null);
        assertThat(overdue).hasSize(6);
        assertThat(overdue.subList(0, 5)).allSatisfy(w -> {
            assertThat(w.residents()).isEqualTo(5);
            assertThat(w.priority()).isEqualTo(org.liaisondesk.model.Priority.URGENT);
        });
        assertThat(overdue.get(5).opinion().id()).isEqualTo(lone.id());
        assertThat(overdue.get(5).priority()).isEqualTo(org.liaisondesk.model.Priority.NORMAL);
    }
}

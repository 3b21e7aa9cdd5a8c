package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.model.Rating;
import org.liaisondesk.model.Stage;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.Supervision;
import org.liaisondesk.store.HandlingRepository;

/** The handling loop on a real database, with a clock set to real dates around 国庆 2026. */
class HandlingServiceTest extends HandlingDeskTest {

    private Opinion add(String text) {
        return ctx.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 9, 22, 9, 0), Channel.VISIT,
                new Constituent("张三", "13800000000", null, true), "clerk", text, List.of()), "clerk");
    }

    private HandlingService.Assignment to(String unit) {
        return new HandlingService.Assignment(unit, List.of(), null, null, "请核实处理", false);
    }

    @Test
    void theWholeLoopWithReHandlingKeepsEveryChange() {
        Opinion o = add("小区门口道路坑洼,下雨积水严重");
        HandlingCase a = handling.assign(o.id(), to("JD-01"), "总站").get(0);
        assertThat(a.stage()).isEqualTo(Stage.ASSIGNED);
        assertThat(a.get("assignment_no")).isEqualTo("GS-001-2026-0001");
        // street: 5 working days from Wed 09-23: 24, (25-27 中秋), 28, 29, 30, (10-01..07 国庆), 10-08
        assertThat(a.dueDate()).contains(LocalDate.parse("2026-10-08"));
        assertThat(ctx.opinions().find(o.id()).orElseThrow().status()).isEqualTo(Status.HANDLING);

        assertThatThrownBy(() -> handling.reply(o.id(), new HandlingService.Reply("已修", "李科长", null, null,
                Outcome.B, null, null), "总站")).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("loop.error.promisedRequired");
        handling.sign(o.id(), "李科长");
        handling.reply(o.id(), new HandlingService.Reply("已安排修补", "李科长", null, null, Outcome.A, "十月底前完成",
                null), "总站");
        handling.feedback(o.id(), "电话告知", "站点");
        HandlingCase re = handling.visit(o.id(), Rating.DISSATISFIED, "还没修", "站点").get(0);
        assertThat(re.stage()).isEqualTo(Stage.REHANDLING);
        assertThat(re.number("rehandlings")).isEqualTo(1);
        assertThat(re.dueDate()).contains(LocalDate.parse("2026-10-23"));

        handling.reply(o.id(), new HandlingService.Reply("已修补完毕", "李科长", null, null, Outcome.A, null, null), "总站");
        handling.feedback(o.id(), null, "站点");
        handling.visit(o.id(), Rating.SATISFIED, null, "站点");
        HandlingCase closed = handling.close(o.id(), "总站").get(0);
        assertThat(closed.stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(ctx.opinions().find(o.id()).orElseThrow().status()).isEqualTo(Status.CLOSED);
        assertThat(handling.history(o.id())).extracting(HandlingRepository.Event::action)
                .contains("assign", "sign", "reply", "feedback", "visit", "close", "rating", "due_date");
        assertThat(handling.history(o.id())).filteredOn(e -> e.action().equals("visit"))
                .extracting(HandlingRepository.Event::after).containsExactly("rehandling", "visited");
        HandlingService.Rates r = handling.rates(null);
        assertThat(r.closedRate()).isEqualTo(100);
        assertThat(r.satisfactionRate()).isEqualTo(100);
    }

    @Test
    void overdueAcrossNationalDayAndFollowUpOfPromisedReplies() {
        Opinion o = add("公交站台没有遮雨棚");
        Opinion p = add("路灯不亮");
        handling.assign(o.id(), to("JD-01"), "总站");
        handling.assign(p.id(), to("QJ-01"), "总站");
        assertThat(handling.caseOf(p.id()).get("assignment_no")).isEqualTo("GS-001-2026-0002");
        days(6); // Tue 09-29: two working days left for o (09-30, 10-08), though nine calendar days
        assertThat(handling.colour(handling.caseOf(o.id()))).isEqualTo(Supervision.YELLOW);
        assertThat(handling.colour(handling.caseOf(p.id()))).isEqualTo(Supervision.GREEN);
        assertThat(handling.supervision(false, null)).isEmpty();
        days(9); // Thu 10-08, the due date: still not overdue
        assertThat(handling.supervision(false, null)).isEmpty();
        days(1); // Fri 10-09: overdue
        assertThat(handling.supervision(false, null)).extracting(w -> w.opinion().id()).containsExactly(o.id());
        handling.reply(o.id(), new HandlingService.Reply("列入明年计划", "李科长", null, null, Outcome.C, null,
                LocalDate.parse("2026-10-20")), "总站");
        assertThat(handling.supervision(false, null)).isEmpty();
        days(12); // 10-21: the promised date passed
        assertThat(handling.supervision(false, null)).extracting(HandlingService.Watched::kind)
                .contains("follow-up");
    }

    @Test
    void sidePathsReturnExtendRejectSuggestion() throws Exception {
        Opinion o = add("一");
        handling.assign(o.id(), to("QJ-01"), "总站");
        days(8); // 10-01; 7 working days from 09-23 end 10-09 (holiday in between)
        assertThat(handling.unitReturn(o.id(), "不属于本单位职责", "区交通局").get(0).stage())
                .isEqualTo(Stage.RETURNED);
        HandlingCase again = handling.assign(o.id(), to("JD-01"), "总站").get(0);
        assertThat(again.get("assignment_no")).isEqualTo("GS-001-2026-0002");
        assertThatThrownBy(() -> handling.extend(o.id(), LocalDate.parse("2026-10-01"), "x", "总站"))
                .isInstanceOf(UserFacingException.class);
        assertThat(handling.extend(o.id(), LocalDate.parse("2026-11-30"), "需协调多部门", "总站").get(0)
                .number("extensions")).isEqualTo(1);

        Opinion q = add("二");
        assertThatThrownBy(() -> handling.reject(q.id(), "已进入诉讼", "nowhere", "总站"))
                .isInstanceOf(UserFacingException.class);
        assertThat(handling.reject(q.id(), "已进入诉讼程序", "court", "总站").get(0).stage())
                .isEqualTo(Stage.NOT_ACCEPTED);
        assertThat(ctx.opinions().find(q.id()).orElseThrow().status()).isEqualTo(Status.CLOSED);

        Opinion s = add("三");
        HandlingCase sug = handling.suggestion(s.id(), "JY-2026-018", "总站").get(0);
        // 3 months from 10-01; 2027 is not loaded, so 2027-01-01 (a Friday) counts as a working day
        assertThat(sug.dueDate()).contains(LocalDate.parse("2027-01-01"));
        assertThatThrownBy(() -> handling.extend(s.id(), LocalDate.parse("2027-05-01"), "x", "总站"))
                .isInstanceOf(UserFacingException.class);

        Path file = dir.resolve("答复.txt");
        Files.writeString(file, "答复函");
        handling.reply(o.id(), new HandlingService.Reply("见附件", "李科长", null, file, Outcome.D, null, null),
                "总站");
        String stored = handling.caseOf(o.id()).get("reply_file");
        assertThat(dir.resolve("attachments").resolve(stored)).hasContent("答复函");
    }

    @Test
    void oneMatterIsAssignedAndAnsweredTogetherAndRatedOneByOne() {
        Opinion a = add("楼下烧烤店油烟太大");
        Opinion b = add("烧烤店油烟扰民");
        ctx.searchService().link(b.id(), a.id(), "clerk");
        List<HandlingCase> both = handling.assign(a.id(), new HandlingService.Assignment("JD-01", List.of("QJ-01"),
                null, null, null, true), "总站");
        assertThat(both).hasSize(2).extracting(c -> c.get("assignment_no")).containsOnly("GS-001-2026-0001");
        assertThat(handling.reply(a.id(), new HandlingService.Reply("已整改", "李科长", null, null, Outcome.A, null,
                null), "总站")).hasSize(2);
        handling.feedback(a.id(), null, "站点");
        handling.visit(a.id(), Rating.SATISFIED, null, "站点");
        assertThat(handling.caseOf(b.id()).stage()).isEqualTo(Stage.REPLIED);
    }
}

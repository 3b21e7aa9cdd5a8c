package org.liaisondesk.ui.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Rating;
import org.liaisondesk.model.Stage;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Supervision;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.reliability.TickingClock;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.service.ReviewService;
import org.liaisondesk.ui.ScreenHarness;
import org.liaisondesk.ui.stats.StatsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The general station handles a reviewed opinion from the keyboard (交办 → 答复 → 已反馈群众 → 回访 → 办结) while
 * another, assigned before 国庆 2026, runs overdue; the dashboard then shows the handling rates.
 */
@ExtendWith(ApplicationExtension.class)
class HandlingViewTest {

    @TempDir
    Path dir;

    ScreenHarness screens;
    AppContext app;
    TickingClock clock;
    Opinion reviewed;
    Opinion late;

    @Start
    void start(javafx.stage.Stage stage) {
        screens = new ScreenHarness(stage);
    }

    @BeforeEach
    void open() {
        // Wednesday 2026-09-23, 10:00 Beijing time
        clock = new TickingClock(Instant.parse("2026-09-23T02:00:00Z"));
        app = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("zh"), clock);
        app.stations().initialize("GS-001", "测试总站", StationMode.GENERAL, "admin");
        HandlingService h = app.handling();
        h.saveUnit("JD-01", "湖滨街道办事处", "street", "李科长 87000000", null, "admin");
        h.saveUnit("QJ-01", "区交通运输局", "district-dept", null, null, "admin");
        late = add("公交站台没有遮雨棚,下雨天等车全身湿透");
        h.assign(late.id(), new HandlingService.Assignment("JD-01", List.of(), null, null, null, false), "总站");
        reviewed = add("小区门口道路坑洼,下雨积水严重");
        app.reviews().review(reviewed.id(), reviewed.revision(), new ReviewService.Decision(List.of(1), "请街道核实",
                Priority.NORMAL, null, null), "王代表");
        // Friday 10-09: the street's five working days from 09-23 ended on 10-08 (国庆 in between)
        clock.advance(16 * 86_400L);
    }

    /** A second database, for the empty dashboard. */
    AppContext other;

    @AfterEach
    void close() {
        screens.close();
        app.close();
        if (other != null) {
            other.close();
        }
    }

    private Opinion add(String text) {
        return app.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 9, 22, 9, 0), Channel.VISIT,
                new Constituent("张三", "13812345678", null, true), "clerk", text, List.of(new AreaTag(1, null, null,
                        true, 1.0, TagSource.CLERK, "clerk", null))), "clerk");
    }

    private Stage stageOf(UUID id) {
        return app.handling().caseOf(id).stage();
    }

    @SuppressWarnings("unchecked")
    private static TableView<HandlingViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#handling-table").queryAs(TableView.class);
    }

    /** Waits until the case is at {@code stage} and the screen, reloaded after the save, shows it so. */
    private void waitForStage(UUID id, Stage stage) throws Exception {
        ScreenHarness.waitUntil(() -> stageOf(id) == stage);
        String shown = Messages.forLanguage("zh").get("loop.stage." + stage.code());
        ScreenHarness.waitUntil(() -> table(robot).getItems().stream().filter(r -> r.id().equals(id))
                .allMatch(r -> r.stage().equals(shown)));
    }

    private FxRobot robot;

    private Node lookup(String query) {
        return robot.lookup(query).query();
    }

    @Test
    void handlesAReviewedOpinionFromTheKeyboardAndShowsOverdueInRed(FxRobot robot) throws Exception {
        this.robot = robot;
        HandlingView view = screens.show(robot, app, "zh", "总站", HandlingView::new, 1200, 760);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> table(robot).requestFocus());

        // the late one is red, the reviewed one waits for assignment with no colour
        HandlingViewModel.Row lateRow = table(robot).getItems().stream().filter(r -> r.id().equals(late.id()))
                .findFirst().orElseThrow();
        assertThat(lateRow.colour()).isEqualTo(Supervision.RED);
        assertThat(lateRow.stage()).isEqualTo("已交办");
        assertThat(lateRow.unit()).isEqualTo("湖滨街道办事处");
        List<Node> red = robot.lookup(".handling-colour").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(HandlingView.RED)).toList();
        assertThat(red).hasSize(1);
        assertThat(((javafx.scene.control.Labeled) red.get(0)).getText()).isEqualTo("超期");

        // only overdue / due soon: O
        robot.type(KeyCode.O);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).id()).isEqualTo(late.id());
        robot.type(KeyCode.O);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 2);

        // assigning the late one again is refused inline, in the form, without a dialog
        robot.interact(() -> view.model().selectedProperty().set(lateRowOf(robot, late.id())));
        robot.type(KeyCode.A);
        robot.type(KeyCode.ENTER);
        ScreenHarness.waitUntil(() -> !((Label) lookup("#handling-error")).getText().isEmpty());
        assertThat(((Label) lookup("#handling-error")).getText()).contains(late.number());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        // 交办 from the keyboard: A, the first unit is chosen and its due date shown, Enter
        robot.interact(() -> view.model().selectedProperty().set(lateRowOf(robot, reviewed.id())));
        robot.type(KeyCode.A);
        HandlingService h = app.handling();
        LocalDate due = h.limits().of("street").due(h.calendar(), h.today());
        ScreenHarness.waitUntil(() -> ((Label) lookup("#handling-due")).getText().equals("期限:" + due)
                && ((javafx.scene.control.TextArea) lookup("#handling-text")).getText().equals("请街道核实"));
        robot.type(KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.ASSIGNED);
        HandlingCase assigned = h.caseOf(reviewed.id());
        assertThat(assigned.get("main_unit")).isEqualTo("JD-01");
        assertThat(assigned.dueDate()).contains(due);
        assertThat(assigned.get("assigned_by")).isEqualTo("总站");
        assertThat(assigned.get("deputy_opinion")).isEqualTo("请街道核实");

        // 答复: R, the text, who signed, outcome A by default, Ctrl+Enter
        robot.type(KeyCode.R);
        // the explanation to the resident starts from the reply template of outcome A
        ScreenHarness.waitUntil(() -> view.model().explanationProperty().get().startsWith("您反映的问题已经解决"));
        robot.write("已安排修补,十月底前完成");
        robot.clickOn("#handling-signed-by").write("李科长");
        robot.clickOn("#handling-text");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.REPLIED);
        HandlingCase replied = h.caseOf(reviewed.id());
        assertThat(replied.get("reply_text")).isEqualTo("已安排修补,十月底前完成");
        assertThat(replied.get("reply_signed_by")).isEqualTo("李科长");
        assertThat(replied.outcome()).contains(Outcome.A);

        // the call-back list: B shows the replied case with the resident's phone (a clerk-level viewer, consent given)
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.B);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 1);
        HandlingViewModel.Row call = table(robot).getItems().get(0);
        assertThat(call.id()).isEqualTo(reviewed.id());
        assertThat(call.phone()).isEqualTo("13812345678");
        assertThat(call.reply()).startsWith("已安排修补,十月底前完成(A 已解决) 您反映的问题已经解决。");

        // 已反馈群众 (F, Ctrl+Enter), 回访 满意 (V, Enter), 办结 (C, Enter)
        robot.type(KeyCode.F);
        ScreenHarness.waitUntil(() -> view.model().textProperty().get().equals("已将承办单位的答复告知反映人。"));
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.FED_BACK);
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.V);
        robot.type(KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.VISITED);
        assertThat(h.caseOf(reviewed.id()).rating()).contains(Rating.SATISFIED);
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.B);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> view.model().selectedProperty().set(lateRowOf(robot, reviewed.id())));
        robot.type(KeyCode.C);
        robot.type(KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.ARCHIVED);
        assertThat(screens.errors()).isEmpty();

        // the dashboard: 1 of 2 closed, on time, satisfied, visited
        StatsView stats = screens.show(robot, app, "zh", "总站", StatsView::new, 1200, 760);
        robot.interact(stats::onShown);
        ScreenHarness.waitUntil(() -> ((Label) lookup("#stats-rate-closed")).getText().equals("50%"));
        assertThat(((Label) lookup("#stats-rate-onTime")).getText()).isEqualTo("100%");
        assertThat(((Label) lookup("#stats-rate-satisfaction")).getText()).isEqualTo("100%");
        assertThat(((Label) lookup("#stats-rate-visit")).getText()).isEqualTo("100%");
        // the same rates per main unit (the table under them), then per task area
        ScreenHarness.waitUntil(() -> !stats.model().groupRates().isEmpty());
        assertThat(stats.model().groupRates()).singleElement().satisfies(r -> {
            assertThat(r.group()).isEqualTo("湖滨街道办事处");
            assertThat(r.cases()).isEqualTo("2");
            assertThat(r.closed()).isEqualTo("50%");
        });
        robot.interact(() -> stats.model().rateGroupProperty().set(HandlingService.RateGroup.AREA));
        ScreenHarness.waitUntil(() -> stats.model().groupRates().size() == 1
                && stats.model().groupRates().get(0).group().equals("一 政治建设"));
        assertThat(screens.errors()).isEmpty();
    }

    /**
     * The side paths from the keyboard: 交办 with an assisting unit, 退回 (T) with a reason, 转为代表建议 (D) with its
     * number, 不予受理 (N) caught inline without a reason and saved with one and a referral, and the history (H).
     */
    @Test
    void sidePathsAssistingUnitsAndHistoryFromTheKeyboard(FxRobot robot) throws Exception {
        this.robot = robot;
        Opinion third = add("楼下餐馆油烟直排,邻居之间的纠纷");
        app.reviews().review(third.id(), third.revision(), new ReviewService.Decision(List.of(1), null,
                Priority.NORMAL, null, null), "王代表");
        HandlingView view = screens.show(robot, app, "zh", "总站", HandlingView::new, 1200, 900);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> table(robot).requestFocus());

        // 交办 with an assisting unit
        robot.interact(() -> view.model().selectedProperty().set(lateRowOf(robot, reviewed.id())));
        robot.type(KeyCode.A);
        robot.clickOn("#handling-assisting").write("QJ-01");
        robot.type(KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.ASSIGNED);
        assertThat(app.handling().caseOf(reviewed.id()).get("assisting_units")).isEqualTo("QJ-01");

        // 退回 by the unit, with its reason
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.T);
        robot.write("道路属区交通局管养,不属街道职责");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.RETURNED);
        assertThat(app.handling().caseOf(reviewed.id()).get("reason")).isEqualTo("道路属区交通局管养,不属街道职责");

        // 转为代表建议, with its number
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.D);
        robot.write("2026-JY-015");
        robot.type(KeyCode.ENTER);
        waitForStage(reviewed.id(), Stage.SUGGESTION);
        assertThat(app.handling().caseOf(reviewed.id()).get("suggestion_no")).isEqualTo("2026-JY-015");

        // the history, H: every step with who and the stages
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.H);
        ScreenHarness.waitUntil(() -> view.model().history().stream().anyMatch(l -> l.contains("转为代表建议")));
        assertThat(String.join("\n", view.model().history())).contains("总站 交办:已审阅 → 已交办", "退回:已交办 → 退回重交",
                "道路属区交通局管养");
        robot.type(KeyCode.H);

        // 不予受理 without a reason is caught on the form; with one it is saved with the referral chosen
        robot.interact(() -> view.model().selectedProperty().set(lateRowOf(robot, third.id())));
        robot.type(KeyCode.N);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        ScreenHarness.waitUntil(() -> ((Label) lookup("#handling-error")).getText().equals("请填写不予受理的理由"));
        assertThat(stageOf(third.id())).isEqualTo(Stage.REVIEWED);
        robot.clickOn("#handling-text").write("属邻里民事纠纷,建议通过人民调解解决");
        robot.interact(() -> view.model().referralProperty().set("other-dept"));
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        ScreenHarness.waitUntil(() -> stageOf(third.id()) == Stage.NOT_ACCEPTED);
        assertThat(app.handling().caseOf(third.id()).get("referral")).isEqualTo("other-dept");
        assertThat(screens.errors()).isEmpty();
    }

    /** A conflict a return batch left (both sides changed the due date) is listed and decided from the keyboard. */
    @Test
    void aHandlingConflictIsDecidedFromTheKeyboard(FxRobot robot) throws Exception {
        this.robot = robot;
        String held = app.handling().caseOf(late.id()).get("due_date");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("desk.db"));
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO handling_conflict (opinion_id, batch_id, field, local_value, incoming, "
                    + "detected_at) VALUES ('" + late.id() + "', '" + UUID.randomUUID() + "', 'due_date', '" + held
                    + "', '2026-10-20', '2026-10-09T02:00:00Z')");
        }
        HandlingView view = screens.show(robot, app, "zh", "总站", HandlingView::new, 1200, 900);
        ScreenHarness.waitUntil(() -> view.model().conflicts().size() == 1);
        assertThat(lookup("#handling-conflicts-box").isVisible()).isTrue();
        assertThat(view.model().conflicts().get(0)).extracting(HandlingViewModel.ConflictRow::number,
                HandlingViewModel.ConflictRow::field, HandlingViewModel.ConflictRow::incoming)
                .containsExactly(late.number(), "期限", "2026-10-20");
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.K);
        robot.type(KeyCode.I);
        ScreenHarness.waitUntil(() -> view.model().conflicts().isEmpty());
        assertThat(app.handling().caseOf(late.id()).get("due_date")).isEqualTo("2026-10-20");
        assertThat(app.handling().conflicts()).isEmpty();
        assertThat(lookup("#handling-conflicts-box").isVisible()).isFalse();
        assertThat(screens.errors()).isEmpty();
    }

    private static HandlingViewModel.Row lateRowOf(FxRobot robot, UUID id) {
        return table(robot).getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aDissatisfiedReturnVisitFromTheCallBackListOpensReHandling(FxRobot robot) throws Exception {
        this.robot = robot;
        HandlingService h = app.handling();
        h.reply(late.id(), new HandlingService.Reply("已加装遮雨棚", "王主任", null, null, Outcome.A, null, null), "总站");
        HandlingView view = screens.show(robot, app, "zh", "站点", HandlingView::new, 1200, 760);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 2);
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.B);
        ScreenHarness.waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(view.model().detailProperty().get()).contains("已加装遮雨棚");

        // V, 不满意 (the last rating), Enter
        robot.type(KeyCode.V);
        robot.interact(() -> view.model().ratingProperty().set(Rating.DISSATISFIED));
        robot.type(KeyCode.ENTER);
        waitForStage(late.id(), Stage.REHANDLING);
        HandlingCase again = h.caseOf(late.id());
        assertThat(again.rating()).contains(Rating.DISSATISFIED);
        assertThat(again.dueDate()).isPresent();
        assertThat(((Label) lookup("#handling-status")).getText()).contains("重办", again.get("due_date"));
        assertThat(screens.errors()).isEmpty();
    }

    @Test
    void theDashboardSaysDashWhenNothingIsCounted(FxRobot robot) throws Exception {
        this.robot = robot;
        other = AppContext.open(dir.resolve("empty.db"), Messages.forLanguage("zh"), clock);
        other.stations().initialize("GS-002", "空站", StationMode.STATION, "admin");
        StatsView stats = screens.show(robot, other, "zh", "clerk", StatsView::new, 1200, 760);
        robot.interact(stats::onShown);
        ScreenHarness.waitUntil(() -> ((Label) lookup("#stats-rate-closed")).getText().equals("—"));
        assertThat(((Label) lookup("#stats-rate-visit")).getText()).isEqualTo("—");
    }
}

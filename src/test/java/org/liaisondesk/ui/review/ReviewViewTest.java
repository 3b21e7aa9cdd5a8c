package org.liaisondesk.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.ui.ScreenHarness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A deputy works through the review queue with the keyboard alone. */
@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {

    @TempDir
    Path dir;

    ScreenHarness screens;
    AppContext app;
    Opinion first;
    Opinion second;
    Opinion third;

    @Start
    void start(Stage stage) {
        screens = new ScreenHarness(stage);
    }

    @BeforeEach
    void open() {
        app = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("en"));
        app.stations().initialize("GS-007", "西湖区联络站", StationMode.STATION, "clerk");
        third = add("建议增设电动车充电桩", 3);
        first = add("路灯坏了需要维修", 1);
        second = add("公交站台没有遮雨棚", 2);
    }

    @AfterEach
    void close() {
        screens.close();
        app.close();
    }

    /** An opinion the clerk put in area 1, received on day {@code day}. */
    private Opinion add(String text, int day) {
        return app.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 3, day, 9, 0), Channel.VISIT,
                Constituent.ANONYMOUS, "clerk", text, List.of(new AreaTag(1, null, null, true, 1.0, TagSource.CLERK,
                        "clerk", null))), "clerk");
    }

    private ReviewView show(FxRobot robot) throws Exception {
        ReviewView view = screens.show(robot, app, "en", "王代表", ReviewView::new, 1100, 760);
        robot.interact(() -> view.root().requestFocus());
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(first.number()));
        return view;
    }

    private static String heading(FxRobot robot) {
        return robot.lookup("#review-heading").queryAs(Label.class).getText();
    }


    @Test
    void reviewsSeveralOpinionsFromTheKeyboard(FxRobot robot) throws Exception {
        show(robot);
        assertThat(robot.lookup("#review-pending").queryAs(Label.class).getText()).isEqualTo("3 to review");

        // first (oldest): area 1 off, 4 then 3 on (4 primary), a note, urgent, Enter
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT4, KeyCode.DIGIT3, KeyCode.U, KeyCode.C);
        robot.write("请街道核实");
        robot.type(KeyCode.ENTER);
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(second.number()));
        assertThat(robot.lookup("#review-pending").queryAs(Label.class).getText()).isEqualTo("2 to review");

        // N and P move without saving
        robot.type(KeyCode.N);
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(third.number()));
        robot.type(KeyCode.P);
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(second.number()));

        // second: handling picked with H, area 1 kept, Enter
        robot.type(KeyCode.H, KeyCode.DOWN, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(third.number()));

        // back to the second: its decision and history are shown
        robot.type(KeyCode.P);
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(second.number())
                && !robot.lookup("#review-history").queryAs(ListView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#review-history-pane").queryAs(TitledPane.class).setExpanded(true));
        assertThat(robot.lookup("#review-history").queryAs(ListView.class).getItems()).hasSize(2);

        Opinion one = app.opinions().find(first.id()).orElseThrow();
        assertThat(one.status()).isEqualTo(Status.REVIEWED);
        assertThat(one.areas()).containsExactly(4, 3);
        assertThat(one.revision()).isEqualTo(first.revision() + 1);
        Review r1 = app.reviews().review(first.id());
        assertThat(r1.note()).isEqualTo("请街道核实");
        assertThat(r1.priority()).isEqualTo(Priority.URGENT);
        assertThat(r1.reviewedBy()).isEqualTo("王代表");
        assertThat(app.reviews().history(first.id())).extracting(HistoryEntry::action)
                .containsExactly("review", "areas", "note", "priority");

        Review r2 = app.reviews().review(second.id());
        assertThat(r2.handling()).isEqualTo(Handling.ON_THE_SPOT);
        assertThat(r2.priority()).isEqualTo(Priority.NORMAL);
        assertThat(app.opinions().find(second.id()).orElseThrow().areas()).containsExactly(1);
        assertThat(app.reviews().history(second.id())).extracting(HistoryEntry::action)
                .containsExactly("review", "handling");
        assertThat(app.opinions().find(third.id()).orElseThrow().status()).isEqualTo(Status.RECORDED);
        assertThat(screens.errors()).isEmpty();
    }

    @Test
    void rejectingWithoutAReasonIsCaughtBeforeSavingAndKeepsTheDeputysPlace(FxRobot robot) throws Exception {
        show(robot);
        robot.type(KeyCode.N, KeyCode.N);
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(third.number()));
        robot.type(KeyCode.DIGIT5);
        robot.type(KeyCode.H);
        for (int i = 0; i < Handling.values().length; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#review-status").queryAs(Label.class);
        assertThat(status.getText()).contains("reason");
        assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("problem");
        assertThat(heading(robot)).startsWith(third.number());
        assertThat(app.reviews().review(third.id()).reviewedAt()).isNull();
        robot.type(KeyCode.P);
        ScreenHarness.waitUntil(() -> heading(robot).startsWith(second.number()));
        assertThat(screens.errors()).isEmpty();
    }
}

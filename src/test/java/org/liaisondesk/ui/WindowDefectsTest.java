package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.ui.list.OpinionRow;

/** Defects found in a walk-through of the window (issue 14), each driven from the keyboard as a clerk would. */
class WindowDefectsTest extends DesktopTest {

    @Test
    void theListsDateFilterTakesDatesTypedTheUsualWaysAndMarksTextThatIsNoDate() throws Exception {
        // Opinions received 2023-05-01, 05-02 and 05-03.
        DesktopFixture.prepare(db, "路灯不亮,晚上出行不安全。", "垃圾分类投放点太远。", "小区门口积水。");
        window.startReady(db);
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> rows().size() == 3);

        for (String typed : List.of("2023-05-02", "2023/5/2", "20230502")) {
            DatePicker from = lookup("#filter-from").queryAs(DatePicker.class);
            clickOn(from.getEditor());
            interact(() -> from.getEditor().clear());
            write(typed);
            DesktopFixture.waitFor(() -> rows().size() == 2);
            assertThat(from.getValue()).isEqualTo(LocalDate.of(2023, 5, 2));
            interact(() -> {
                from.getEditor().clear();
                from.setValue(null);
            });
            DesktopFixture.waitFor(() -> rows().size() == 3);
        }

        DatePicker from = lookup("#filter-from").queryAs(DatePicker.class);
        clickOn(from.getEditor());
        write("五月二号");
        push(KeyCode.ENTER);
        assertThat(from.getEditor().getText()).isEqualTo("五月二号");
        assertThat(from.getPseudoClassStates()).contains(DateFields.INVALID);
        assertThat(from.getTooltip().getText()).contains("不是日期");
        assertThat(rows()).hasSize(3);
    }

    @Test
    void escInTheEditorAsksBeforeThrowingChangesAwayAndCtrlNDefaultsToKeepingTheText() throws Exception {
        DesktopFixture.prepare(db, "小区停车位不够,晚上车停到消防通道上。");
        window.startReady(db);

        // Ctrl+N with typed text asks; Enter keeps the text (clearing is never the default).
        write("路灯坏了");
        push(KeyCode.CONTROL, KeyCode.N);
        DesktopFixture.waitFor(() -> dialogText().contains("新建会清空"));
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> dialogText().isEmpty());
        assertThat(lookup("#entry-text").queryAs(TextArea.class).getText()).isEqualTo("路灯坏了");

        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> rows().size() == 1);
        window.waitForFocus("#opinion-table");
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> editor() != null && editor().isFocused());
        Stage editorStage = (Stage) editor().getScene().getWindow();
        interact(editorStage::requestFocus);
        targetWindow(editorStage);
        push(KeyCode.CONTROL, KeyCode.END);
        write("建议设置临时停车点。");
        push(KeyCode.ESCAPE);
        DesktopFixture.waitFor(() -> dialogText().contains("还没有保存"));
        push(KeyCode.ESCAPE);
        DesktopFixture.waitFor(() -> dialogText().isEmpty());
        assertThat(editorStage.isShowing()).isTrue();
        assertThat(editor().getText()).endsWith("建议设置临时停车点。");

        interact(() -> editorStage.fireEvent(new WindowEvent(editorStage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        DesktopFixture.waitFor(() -> dialogText().contains("还没有保存"));
        clickOn(lookup(".button").match((Button b) -> "不保存".equals(b.getText())).queryButton());
        DesktopFixture.waitFor(() -> !editorStage.isShowing());
        try (AppContext app = open()) {
            assertThat(app.opinions().find(rows().get(0).opinion().id()).orElseThrow().text())
                    .isEqualTo("小区停车位不够,晚上车停到消防通道上。");
        }
    }

    @Test
    void aHugePasteIsCutToTheLimitAtOnceAndSaid() throws Exception {
        DesktopFixture.prepare(db);
        window.startReady(db);
        TextArea text = lookup("#entry-text").queryAs(TextArea.class);
        String letter = "群众来信:小区门口道路破损严重,雨天积水。".repeat(16_000);
        interact(() -> text.replaceSelection(letter));
        assertThat(text.getLength()).isEqualTo(InputRules.MAX_TEXT);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().contains("只保留了前 20000 字"));
        assertThat(label("#entry-confirmation").getPseudoClassStates()).extracting(Object::toString)
                .contains("asking");
    }

    /** The text area of the edit window, or null when none is open. */
    private TextArea editor() {
        return lookup("#entry-text").queryAllAs(TextArea.class).stream()
                .filter(t -> t.getScene() != null && t.getScene().getWindow() != null
                        && t.getScene().getWindow().isShowing() && t.getScene().getRoot().lookup(".nav") == null)
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<OpinionRow> rows() {
        return List.copyOf(lookup("#opinion-table").queryAs(TableView.class).getItems());
    }
}

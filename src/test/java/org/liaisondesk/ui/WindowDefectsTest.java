package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
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

    @SuppressWarnings("unchecked")
    private List<OpinionRow> rows() {
        return List.copyOf(lookup("#opinion-table").queryAs(TableView.class).getItems());
    }
}

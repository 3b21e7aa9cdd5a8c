package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.TagSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Tagging and search in the real window: suggestions while typing, Alt+N, the taxonomy settings, the list search. */
class TaggingWindowTest extends FxRobot {

    private static final String CARE = "社区养老服务站只有一个工作人员,老人没人照顾,希望增加人手。";

    @TempDir
    Path dir;
    private Path db;
    private DesktopFixture window;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        db = dir.resolve("desk.db");
        window = new DesktopFixture(this);
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        window.stop();
    }

    @Test
    void typingSuggestsAreasWithTheirClauseAndAlt4SavesAClerkPrimaryTag() throws Exception {
        DesktopFixture.prepare(db, "社区养老服务站人手不够,老人照顾不过来,希望增加工作人员。");
        window.startReady(db);

        write(CARE);
        DesktopFixture.waitFor(() -> lookup("#area-chip-4").tryQuery().isPresent());
        ToggleButton chip = lookup("#area-chip-4").queryAs(ToggleButton.class);
        assertThat(chip.isSelected()).as("proposed, not yet accepted").isFalse();
        assertThat(texts(chip.getGraphic())).anyMatch(t -> t.contains("四 民生与共同富裕"))
                .anyMatch(t -> t.startsWith("4."));
        DesktopFixture.waitFor(() -> lookup("#entry-similar").queryAs(VBox.class).getChildren().size() == 1);

        push(KeyCode.ALT, KeyCode.DIGIT4);
        DesktopFixture.waitFor(() -> lookup("#area-chip-4").queryAs(ToggleButton.class).isSelected());
        assertThat(lookup("#area-chip-4").queryAs(ToggleButton.class).getStyleClass()).contains("primary-area");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith("已保存"));

        try (AppContext app = open()) {
            Opinion saved = app.opinions().page(OpinionFilter.ALL, org.liaisondesk.model.OpinionSort.NEWEST_FIRST, 0, 10)
                    .items().stream().filter(o -> o.text().equals(CARE)).findFirst().orElseThrow();
            AreaTag primary = saved.primaryTag().orElseThrow();
            assertThat(primary.area()).isEqualTo(4);
            assertThat(primary.source()).isEqualTo(TagSource.CLERK);
            assertThat(primary.setBy()).isEqualTo("张丽");
            assertThat(saved.tags()).hasSize(1);
        }
    }

    @Test
    void savingWithoutAnyAreaAsksOnceThenSaves() throws Exception {
        DesktopFixture.prepare(db);
        window.startReady(db);

        write("我想问一下去哪里办理护照。");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().contains("未选择任务领域"));
        try (AppContext app = open()) {
            assertThat(app.opinions().count(OpinionFilter.ALL)).isZero();
        }
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith("已保存"));
        try (AppContext app = open()) {
            assertThat(app.opinions().count(OpinionFilter.ALL)).isEqualTo(1);
        }
    }

    private static List<String> texts(Node graphic) {
        return ((VBox) graphic).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private AppContext open() {
        return AppContext.open(db, Messages.forLanguage("zh"));
    }

    private Label label(String query) {
        return lookup(query).queryAs(Label.class);
    }
}

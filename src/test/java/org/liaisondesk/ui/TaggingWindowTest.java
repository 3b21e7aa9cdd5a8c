package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.ui.list.OpinionRow;

/** Tagging and search in the real window: suggestions while typing, Alt+N, the taxonomy settings, the list search. */
class TaggingWindowTest extends DesktopTest {

    private static final String CARE = "社区养老服务站只有一个工作人员,老人没人照顾,希望增加人手。";

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

        // The close one is the same matter: linked when saving.
        push(KeyCode.ALT, KeyCode.L);
        DesktopFixture.waitFor(() -> lookup(".same-matter").queryAs(ToggleButton.class).isSelected());
        push(KeyCode.ALT, KeyCode.DIGIT4);
        DesktopFixture.waitFor(() -> lookup("#area-chip-4").queryAs(ToggleButton.class).isSelected());
        assertThat(lookup("#area-chip-4").queryAs(ToggleButton.class).getStyleClass()).contains("primary-area");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith("已保存"));

        try (AppContext app = open()) {
            Opinion saved = app.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 10)
                    .items().stream().filter(o -> o.text().equals(CARE)).findFirst().orElseThrow();
            AreaTag primary = saved.primaryTag().orElseThrow();
            assertThat(primary.area()).isEqualTo(4);
            assertThat(primary.source()).isEqualTo(TagSource.CLERK);
            assertThat(primary.setBy()).isEqualTo("张丽");
            assertThat(saved.tags()).hasSize(1);
            assertThat(app.searchService().sameMatter(saved.id())).hasSize(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM tag_feedback")) {
            assertThat(rs.getInt(1)).as("the clerk's choice is kept for the tagger to learn from").isEqualTo(1);
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

    @Test
    void settingsShowSixAreasAndRetagRenewsOnlyTheTaggersTagsWithProgress() throws Exception {
        DesktopFixture.prepare(db, CARE, "村里的道路太窄了,两辆车会车都困难,希望拓宽农村公路。");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE opinion_tag SET taxonomy_version='2000-old'");
            st.execute("UPDATE opinion_tag SET source='clerk', set_by='王芳', area=6 WHERE opinion_id IN "
                    + "(SELECT id FROM opinion WHERE text LIKE '%道路%')");
            // Keep the opinion consistent with its tags, or the start-up health check rightly refuses the database.
            st.execute("UPDATE opinion SET primary_area=6 WHERE text LIKE '%道路%'");
        }
        try (AppContext app = open()) {
            // Managing the taxonomy is for administrators.
            new org.liaisondesk.service.DeskSettings(app.settings()).rememberUser("管理员");
        }
        window.startReady(db);

        push(KeyCode.CONTROL, KeyCode.DIGIT6);
        DesktopFixture.waitFor(() -> lookup("#settings-tabs").tryQuery().isPresent());
        javafx.scene.control.TabPane tabs = lookup("#settings-tabs").queryAs(javafx.scene.control.TabPane.class);
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "settings-tab-taxonomy".equals(t.getId())).findFirst().orElseThrow()));
        DesktopFixture.waitFor(() -> lookup("#taxonomy-tree").tryQuery().map(n -> {
            TreeView<?> tree = (TreeView<?>) n;
            return tree.getRoot() != null && tree.getRoot().getChildren().size() == 6;
        }).orElse(false));
        TreeView<?> tree = lookup("#taxonomy-tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren().get(3).getValue().toString()).startsWith("四 民生与共同富裕 — ");
        assertThat(tree.getRoot().getChildren().get(3).getChildren()).isNotEmpty();
        assertThat(label("#taxonomy-heading").getText()).contains("2023-");

        clickOn("#retag-old");
        DesktopFixture.waitFor(() -> label("#taxonomy-note").getText().startsWith("已重新归类 1 条"));
        assertThat(lookup("#retag-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);

        try (AppContext app = open()) {
            for (Opinion o : app.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 10).items()) {
                AreaTag tag = o.primaryTag().orElseThrow();
                if (o.text().equals(CARE)) {
                    assertThat(tag.source()).isEqualTo(TagSource.AUTO);
                    assertThat(tag.taxonomyVersion()).startsWith("2023-");
                } else {
                    assertThat(tag.source()).isEqualTo(TagSource.CLERK);
                    assertThat(tag.area()).isEqualTo(6);
                    assertThat(tag.taxonomyVersion()).isEqualTo("2000-old");
                }
            }
        }
    }

    @Test
    void listSearchHighlightsATwoCharacterQueryAndShowsThePrimaryAreaFirst() throws Exception {
        DesktopFixture.prepare(db, "小区里停车位太少,晚上回家找不到地方停车。", "路灯坏了很久没人修。");
        window.startReady(db);

        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> lookup("#opinion-table").queryAs(TableView.class).getItems().size() == 2);
        clickOn("#filter-text").write("停车");
        DesktopFixture.waitFor(() -> lookup("#opinion-table").queryAs(TableView.class).getItems().size() == 1
                && lookup(".search-match").queryAll().size() == 2);
        assertThat(lookup(".search-match").queryAll()).allMatch(n -> ((Text) n).getText().equals("停车"));
        OpinionRow row = (OpinionRow) lookup("#opinion-table").queryAs(TableView.class).getItems().get(0);
        assertThat(row.areas()).as("primary first").isEqualTo(row.opinion().areas().stream()
                .map(TaggingWindowTest::areaName).reduce((a, b) -> a + "、" + b).orElse("未归类"));
    }

    private static String areaName(int area) {
        return Messages.forLanguage("zh").get("area.short." + area);
    }

    private static List<String> texts(Node graphic) {
        return ((VBox) graphic).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }


}

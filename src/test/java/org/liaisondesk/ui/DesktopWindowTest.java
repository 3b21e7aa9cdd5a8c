package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.ui.list.OpinionRow;

/** The real window, driven from the keyboard the way a clerk at a reception desk works. */
class DesktopWindowTest extends DesktopTest {

    @Test
    void recordsFromTheKeyboardAndFindsItInTheListAgainAfterARestart() throws Exception {
        DesktopFixture.prepare(db);
        window.startReady(db);
        assertThat(Locale.getDefault()).as("JavaFX's own texts (empty tables, menus) speak the window's language")
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);

        write("小区门口的公交站台没有遮雨棚,老人下雨天候车很不方便,建议增设。");
        push(KeyCode.TAB);
        window.waitForFocus("#entry-channel");
        assertThat(textArea().getText()).doesNotContain("\t");
        push(KeyCode.TAB);
        window.waitForFocus("#entry-date");
        push(KeyCode.TAB);
        window.waitForFocus("#entry-time");
        push(KeyCode.TAB);
        window.waitForFocus("#entry-name");
        write("王秀英");
        push(KeyCode.TAB);
        window.waitForFocus("#entry-phone");
        write("13800001111");
        push(KeyCode.CONTROL, KeyCode.S);

        String prefix = "已保存 GS-007-" + LocalDate.now().getYear() + "-";
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith(prefix));
        String number = label("#entry-confirmation").getText().substring("已保存 ".length());
        assertThat(textArea().getText()).isEmpty();
        window.waitForFocus("#entry-text");

        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> rows().stream().anyMatch(r -> r.number().equals(number)));
        OpinionRow row = rows().stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow();
        assertThat(row.excerpt()).startsWith("小区门口的公交站台");
        assertThat(row.constituent()).isEqualTo("王** 138****1111");
        assertThat(row.channel()).isEqualTo("来访");

        window.stop();
        window.startReady(db);
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> rows().stream().anyMatch(r -> r.number().equals(number)));
        assertThat(label("#status-count").getText()).isEqualTo("意见 1 条");
    }

    @Test
    void saveWithEmptyTextShowsTheMessageNextToTheFieldAndSavesNothing() throws Exception {
        DesktopFixture.prepare(db);
        window.startReady(db);

        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-text-problem").isVisible());
        assertThat(label("#entry-text-problem").getText()).isEqualTo("请填写意见内容。");
        assertThat(label("#entry-confirmation").getText()).isEmpty();
        try (AppContext app = open()) {
            assertThat(app.opinions().count(OpinionFilter.ALL)).isZero();
        }

        write("路灯");
        DesktopFixture.waitFor(() -> !label("#entry-text-problem").isVisible());

        // Shift+Tab leaves the text too, without typing a tab into it.
        push(KeyCode.SHIFT, KeyCode.TAB);
        DesktopFixture.waitFor(() -> !textArea().isFocused());
        assertThat(textArea().getText()).isEqualTo("路灯");

        // Ctrl+N with typed text asks before clearing; the form is then empty and ready.
        clickOn("#entry-text");
        push(KeyCode.CONTROL, KeyCode.N);
        DesktopFixture.waitFor(() -> dialogText().contains("还没有保存"));
        clickOn(lookup(".button").match((Button b) -> "清空并新建".equals(b.getText())).queryButton());
        DesktopFixture.waitFor(() -> textArea().getText().isEmpty() && textArea().isFocused());

        // A date typed without leaving the field counts at Ctrl+S; one that is no date is refused.
        write("井盖松动");
        clickOn(lookup("#entry-date").queryAs(DatePicker.class).getEditor());
        push(KeyCode.CONTROL, KeyCode.A).write("2023-13-45");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-date-problem").getText().equals("请填写收到日期。"));
        push(KeyCode.CONTROL, KeyCode.A).write("2023-5-1");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith("已保存 GS-007-2023-"));
    }

    @Test
    void theStoredLanguageAppliesAndSwitchingUserLogsOutAndInAgain() throws Exception {
        DesktopFixture.prepare(db);
        try (AppContext app = open()) {
            new DeskSettings(app.settings()).setLanguage("en");
        }
        window.start(db, null);
        window.logIn(DesktopFixture.PASSWORD);
        DesktopFixture.waitFor(() -> lookup("#entry-text").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(lookup("#nav-entry").queryLabeled().getGraphic().lookup(".label")).extracting(
                n -> ((Labeled) n).getText()).isEqualTo("Entry");
        assertThat(Locale.getDefault()).as("JavaFX's own texts follow the window's language")
                .isEqualTo(Locale.ENGLISH);
        assertThat(lookup("#status-user").queryLabeled().getText()).isEqualTo("User: 张丽 (clerk)");
        assertThat(lookup("#nav-settings").query().isDisabled()).isFalse();

        clickOn("#status-user");
        DesktopFixture.waitFor(() -> lookup("#login-name").tryQuery().isPresent());
        assertThat(lookup("#entry-text").tryQuery()).isEmpty();
        window.waitForFocus("#login-name");
        targetWindow(lookup("#login-name").query().getScene().getWindow());
        write("管理员");
        push(KeyCode.TAB);
        write(DesktopFixture.PASSWORD);
        push(KeyCode.ENTER);

        DesktopFixture.waitFor(() -> lookup("#status-user").tryQuery().isPresent()
                && lookup("#status-user").queryLabeled().getText().equals("User: 管理员 (administrator)"));
        DesktopFixture.waitFor(() -> lookup("#entry-received-by").queryTextInputControl().getText().equals("管理员"));
        try (AppContext app = open()) {
            assertThat(new DeskSettings(app.settings()).lastUser()).contains("管理员");
            assertThat(app.audit().find(new AuditQuery(null, "管理员", "login", 0))).hasSize(1);
        }
    }

    @Test
    void aDraftLeftByACrashIsOfferedAtTheNextStartAndComesBack() throws Exception {
        DesktopFixture.prepare(db);
        window.startReady(db);
        write("楼道里的声控灯坏了两个月,晚上上下楼很危险。");
        try (AppContext app = open()) {
            DesktopFixture.waitFor(() -> app.drafts().load().isPresent());
        }
        window.stop();

        window.start(db);
        window.logIn(DesktopFixture.PASSWORD);
        DesktopFixture.waitFor(() -> dialogText().contains("上次有未保存的意见"));
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> textArea().getText().equals("楼道里的声控灯坏了两个月,晚上上下楼很危险。"));

        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith("已保存"));
        try (AppContext app = open()) {
            DesktopFixture.waitFor(() -> app.drafts().load().isEmpty());
        }
    }

    @Test
    void deleteAsksFirstAndTheRecycleBinRestores() throws Exception {
        DesktopFixture.prepare(db, "路灯不亮,晚上出行不安全。", "垃圾分类投放点太远,老人不方便。");
        window.startReady(db);
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> rows().size() == 2);
        window.waitForFocus("#opinion-table");
        String first = rows().get(0).number();

        push(KeyCode.DELETE);
        DesktopFixture.waitFor(() -> dialogText().contains("删除意见 " + first));
        push(KeyCode.ESCAPE);
        DesktopFixture.waitFor(() -> dialogText().isEmpty());
        assertThat(rows()).hasSize(2);

        window.waitForFocus("#opinion-table");
        push(KeyCode.DELETE);
        DesktopFixture.waitFor(() -> dialogText().contains("删除意见 " + first));
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> rows().size() == 1);
        assertThat(rows().get(0).number()).isNotEqualTo(first);
        DesktopFixture.waitFor(() -> label("#status-count").getText().equals("意见 1 条"));

        clickOn("#filter-recycle-bin");
        DesktopFixture.waitFor(() -> rows().size() == 1 && rows().get(0).number().equals(first));
        clickOn("#list-restore");
        DesktopFixture.waitFor(() -> rows().isEmpty());
        clickOn("#filter-recycle-bin");
        DesktopFixture.waitFor(() -> rows().size() == 2);
        try (AppContext app = open()) {
            assertThat(app.opinions().count(OpinionFilter.ALL)).isEqualTo(2);
        }
    }

    @Test
    void enterEditsInTheFormAndAChangeMadeElsewhereIsNotOverwritten() throws Exception {
        DesktopFixture.prepare(db, "小区停车位不够,晚上车停到消防通道上。");
        window.startReady(db);
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> rows().size() == 1);
        window.waitForFocus("#opinion-table");

        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> editorText() != null && editorText().isFocused());
        push(KeyCode.CONTROL, KeyCode.END);
        typeIntoEditor("建议设置临时停车点。");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> editorText() == null && rows().get(0).excerpt().contains("临时停车点"));

        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> editorText() != null && editorText().isFocused());
        try (AppContext app = open()) {
            Opinion o = app.opinionService().find(rows().get(0).opinion().id()).orElseThrow();
            app.opinionService().edit(o.id(), o.revision(), new OpinionInput(o.receivedAt(), o.channel(),
                    o.constituent(), o.receivedBy(), "别处改过的内容", null), "其他人");
        }
        typeIntoEditor("再补充一句。");
        // The save button this time (headless Monocle keeps the keyboard on the main window after the first edit).
        clickOn(from(editorText().getScene().getRoot()).lookup("#entry-save").queryButton());
        DesktopFixture.waitFor(() -> dialogText().contains("已在别处被修改"));
        try (AppContext app = open()) {
            assertThat(app.opinionService().find(rows().get(0).opinion().id()).orElseThrow().text())
                    .isEqualTo("别处改过的内容");
        }
        assertThat(editorText().getText()).contains("再补充一句。");
    }

    @Test
    void theFirstRunDialogSetsTheStationAndCreatesTheFirstAdministrator() throws Exception {
        window.start(db);
        DesktopFixture.waitFor(() -> lookup("#setup-code").tryQuery().isPresent());
        Button finish = lookup(".button").match((Labeled b) -> "完成设置".equals(b.getText())).queryButton();
        window.waitForFocus("#setup-code");
        targetWindow(finish.getScene().getWindow());
        write("GS 007");
        DesktopFixture.waitFor(() -> label("#setup-code-problem").getText().contains("不符合要求"));
        assertThat(finish.isDisabled()).isTrue();

        push(KeyCode.CONTROL, KeyCode.A).write("GS-007");
        DesktopFixture.waitFor(() -> label("#setup-code-problem").getText().isEmpty());
        push(KeyCode.TAB).write("米市巷街道人大代表联络站");
        clickOn("#setup-admin-name").write("李建国");
        push(KeyCode.TAB).write("short");
        DesktopFixture.waitFor(() -> label("#setup-password-hint").getText().contains("太短"));
        write("-and-Long-2023");
        push(KeyCode.TAB).write("short-and-Long-2022");
        DesktopFixture.waitFor(() -> label("#setup-password-hint").getText().equals("两次输入的密码不一致。"));
        assertThat(finish.isDisabled()).isTrue();
        push(KeyCode.BACK_SPACE).write("3");
        DesktopFixture.waitFor(() -> label("#setup-password-hint").getText().equals("密码强度:强"));
        DesktopFixture.waitFor(() -> !finish.isDisabled());
        push(KeyCode.ENTER);

        DesktopFixture.waitFor(() -> lookup("#entry-text").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(label("#status-station").getText()).isEqualTo("米市巷街道人大代表联络站(GS-007,联络站)");
        assertThat(lookup("#status-user").queryLabeled().getText()).isEqualTo("当前用户:李建国(管理员)");
        try (AppContext app = open()) {
            assertThat(app.stations().current()).contains(new Station("GS-007", "米市巷街道人大代表联络站",
                    StationMode.STATION));
            assertThat(app.users().list()).extracting(UserAccount::name, UserAccount::role)
                    .containsExactly(tuple("李建国", Role.ADMIN));
            assertThat(app.users().authenticate("李建国", "short-and-Long-2023".toCharArray()).role())
                    .isEqualTo(Role.ADMIN);
        }
    }

    @Test
    void aSecondWindowOnTheSameDatabaseIsRefusedWithAClearMessage() throws Exception {
        DesktopFixture.prepare(db);
        window.startReady(db);
        DesktopFixture second = new DesktopFixture(this);
        try {
            second.start(db);
            DesktopFixture.waitFor(() -> dialogText().contains("已经在另一个联络站民意簿窗口中打开"));
            push(KeyCode.ENTER);
            DesktopFixture.waitFor(() -> dialogText().isEmpty());
        } finally {
            second.stop();
        }
        // The first window is untouched and still saves.
        window.focus();
        clickOn("#entry-text").write("第二个窗口被拒绝后照常录入:小区门口路灯坏了,晚上出行不安全。");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith("已保存"));
    }

    @Test
    void aFileThatIsNotADatabaseIsExplainedInADialogAndTheWindowCloses() throws Exception {
        Files.writeString(db, "这不是数据库,是一份会议纪要。");
        window.start(db);
        DesktopFixture.waitFor(() -> dialogText().contains("不是联络站民意簿的数据库"));
        assertThat(dialogText()).doesNotContain("Exception").contains(db.toAbsolutePath().toString());
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> dialogText().isEmpty() && lookup(".loading").tryQuery().isEmpty());
    }

    @Test
    void theListPagesAndSortsInTheDatabase() throws Exception {
        DesktopFixture.prepare(db);
        try (AppContext app = open()) {
            DemoDatabase.fill(app, 150, new Random(1));
        }
        window.startReady(db);
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> rows().size() == 100);
        assertThat(label("#page-text").getText()).isEqualTo("第 1 / 2 页,共 150 条");
        String newest = rows().get(0).number();

        clickOn("#page-next");
        DesktopFixture.waitFor(() -> rows().size() == 50);
        assertThat(label("#page-text").getText()).isEqualTo("第 2 / 2 页,共 150 条");

        // A click on the received column's header turns the order round: the oldest first, from page 1 again.
        Node receivedHeader = lookup(".column-header").match((Node h) -> h.lookup(".label") != null
                && "收到时间".equals(((Labeled) h.lookup(".label")).getText())).query();
        clickOn(receivedHeader);
        DesktopFixture.waitFor(() -> label("#page-text").getText().startsWith("第 1 / 2 页")
                && rows().size() == 100 && !rows().get(0).number().equals(newest));
        List<OpinionRow> page = rows();
        for (int i = 1; i < page.size(); i++) {
            assertThat(page.get(i).opinion().receivedAt()).isAfterOrEqualTo(page.get(i - 1).opinion().receivedAt());
        }

        clickOn("#filter-text").write("停车");
        DesktopFixture.waitFor(() -> !rows().isEmpty() && rows().stream().allMatch(r -> r.excerpt().contains("停车")));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /**
     * Headless Monocle leaves the main window flagged focused too while the edit window is open, so the keyboard
     * is pointed at the edit window explicitly before typing.
     */
    private void typeIntoEditor(String text) {
        Stage editor = (Stage) editorText().getScene().getWindow();
        interact(editor::requestFocus);
        targetWindow(editor);
        write(text);
    }



    private TextArea textArea() {
        return lookup("#entry-text").queryAs(TextArea.class);
    }

    /** The text area of the edit window, or null when none is open. */
    private TextArea editorText() {
        return lookup("#entry-text").queryAllAs(TextArea.class).stream()
                .filter(t -> t.getScene() != null && t.getScene().getWindow() != null
                        && t.getScene().getWindow().isShowing()
                        && t.getScene().getWindow().getScene().getRoot() == t.getScene().getRoot()
                        && t.getScene().getRoot().lookup(".nav") == null)
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<OpinionRow> rows() {
        return List.copyOf(lookup("#opinion-table").queryAs(TableView.class).getItems());
    }

}

package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.ui.list.OpinionRow;
import org.liaisondesk.ui.settings.AuditSectionModel.AuditRow;
import org.liaisondesk.ui.settings.BackupSectionModel.BackupRow;
import org.liaisondesk.ui.settings.UsersSectionModel.UserRow;

/** Login, roles, the administrator's settings sections and the start-up health check, in the real window. */
class ReliabilityWindowTest extends DesktopTest {

    @Test
    void aWrongPasswordIsExplainedAndFiveInARowLockTheAccount() throws Exception {
        DesktopFixture.prepare(db);
        window.start(db);
        for (int left = 4; left >= 1; left--) {
            window.logIn("falsch-" + left);
            int expected = left;
            DesktopFixture.waitFor(() -> label("#login-message").getText().contains("再错 " + expected + " 次"));
            assertThat(lookup("#login-password").queryTextInputControl().getText()).isEmpty();
        }
        window.logIn("falsch-0");
        DesktopFixture.waitFor(() -> label("#login-message").getText().contains("已锁定,请 15 分钟后再试"));
        // Locked: even the right password is refused.
        window.logIn(DesktopFixture.PASSWORD);
        DesktopFixture.waitFor(() -> label("#login-message").getText().contains("分钟后再试")
                && lookup("#login-password").queryTextInputControl().getText().isEmpty());
        assertThat(lookup("#entry-text").tryQuery()).isEmpty();
        try (AppContext app = open()) {
            assertThat(app.users().list()).filteredOn(a -> a.name().equals("张丽"))
                    .allMatch(a -> a.lockedUntil() != null);
        }
    }

    @Test
    void aClerkSeesNoUserManagementAndTheListMasksThePhone() throws Exception {
        DesktopFixture.prepare(db);
        try (AppContext app = open()) {
            app.opinionService().record(new OpinionInput(LocalDateTime.of(2023, 5, 1, 9, 30), Channel.PHONE,
                    new Constituent("王秀英", "13800001111", "翠苑一区3幢2单元501室", false), "张丽",
                    "楼道灯坏了。", null), "张丽");
        }
        window.startReady(db);
        push(KeyCode.CONTROL, KeyCode.DIGIT6);
        DesktopFixture.waitFor(() -> lookup("#settings-language").tryQuery().isPresent());
        assertThat(lookup("#settings-tabs").tryQuery()).isEmpty();
        assertThat(lookup("#settings-users").tryQuery()).isEmpty();

        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        DesktopFixture.waitFor(() -> listRows().size() == 1);
        assertThat(listRows().get(0).constituent()).isEqualTo("王** 138****1111");
    }

    @Test
    void anAdministratorAddsAClerkSeesASaveInTheAuditLogAndRestoresABackup() throws Exception {
        DesktopFixture.prepare(db);
        try (AppContext app = open()) {
            new DeskSettings(app.settings()).rememberUser("管理员");
        }
        window.startReady(db);
        assertThat(lookup("#status-user").queryLabeled().getText()).isEqualTo("当前用户:管理员(管理员)");
        write("菜场门口早上占道经营,车辆通行困难。");
        push(KeyCode.CONTROL, KeyCode.S);
        DesktopFixture.waitFor(() -> label("#entry-confirmation").getText().startsWith("已保存"));

        push(KeyCode.CONTROL, KeyCode.DIGIT6);
        DesktopFixture.waitFor(() -> lookup("#settings-users").tryQuery().isPresent());
        clickOn("#users-name").write("王强");
        clickOn("#users-password").write(DesktopFixture.PASSWORD);
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> label("#users-message").getText().equals("已添加用户 王强。"));
        assertThat(this.<UserRow>rows("#users-table")).extracting(UserRow::name, UserRow::role)
                .contains(tuple("王强", "工作人员"));

        clickOn("#settings-tab-audit .tab-label");
        DesktopFixture.waitFor(() -> lookup("#audit-action").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#audit-action").write("create");
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> this.<AuditRow>rows("#audit-table").size() == 1);
        assertThat(this.<AuditRow>rows("#audit-table").get(0)).extracting(AuditRow::actor, AuditRow::action)
                .containsExactly("管理员", "录入意见");

        clickOn("#settings-tab-backup .tab-label");
        DesktopFixture.waitFor(() -> lookup("#backup-now").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#backup-now");
        DesktopFixture.waitFor(() -> label("#backup-message").getText().startsWith("已备份到"));
        try (AppContext app = open()) {
            app.opinionService().record(new OpinionInput(LocalDateTime.of(2023, 5, 2, 9, 0), Channel.VISIT,
                    Constituent.ANONYMOUS, "管理员", "备份之后才录入的意见。", null), "管理员");
        }
        TableView<?> backups = lookup("#backup-table").queryAs(TableView.class);
        DesktopFixture.waitFor(() -> this.<BackupRow>rows("#backup-table").stream()
                .anyMatch(r -> r.name().endsWith("-manual.db")));
        int manual = this.<BackupRow>rows("#backup-table").stream().map(BackupRow::name).toList()
                .indexOf(this.<BackupRow>rows("#backup-table").stream().map(BackupRow::name)
                        .filter(n -> n.endsWith("-manual.db")).findFirst().orElseThrow());
        interact(() -> backups.getSelectionModel().select(manual));
        clickOn("#backup-restore");
        DesktopFixture.waitFor(() -> dialogText().contains("替换当前数据库"));
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> label("#backup-message").getText().startsWith("已恢复"));
        try (AppContext app = open()) {
            assertThat(app.opinions().count(OpinionFilter.ALL)).isEqualTo(1);
            assertThat(app.users().list()).extracting(UserAccount::name, UserAccount::role)
                    .contains(tuple("王强", Role.CLERK));
            assertThat(app.backups().backups()).anyMatch(p -> p.getFileName().toString()
                    .endsWith("-before-restore.db"));
        }
    }

    @Test
    void aDamagedDatabaseIsNotUsedSilentlyTheNewestBackupIsOfferedAndRestored() throws Exception {
        DesktopFixture.prepare(db, "路灯不亮。", "垃圾桶太少。");
        try (AppContext app = open()) {
            app.backups().now("test");
        }
        damageAnIndex(db);

        window.start(db);
        window.logIn(DesktopFixture.PASSWORD); // the check runs while the password is typed; no data before it passed
        DesktopFixture.waitFor(() -> dialogText().contains("可以恢复最近的备份"));
        assertThat(dialogHeader()).isEqualTo("数据库可能已损坏,不能直接使用。");
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> dialogText().contains("用备份"));
        push(KeyCode.ENTER);
        window.logIn(DesktopFixture.PASSWORD); // the restored file may hold other accounts: log in again
        DesktopFixture.waitFor(() -> lookup("#entry-text").tryQuery().map(Node::isVisible).orElse(false));
        try (AppContext app = open()) {
            assertThat(app.health().check()).isEmpty();
            assertThat(app.opinions().count(OpinionFilter.ALL)).isEqualTo(2);
        }
    }

    /**
     * #18 item 3 in the window: a backup in this database's folder that holds another station (a copy renamed, or a
     * folder shared by mistake) is refused; the window asks whether to migrate; only then is it restored, and the
     * status bar follows the new identity.
     */
    @Test
    void aBackupOfAnotherStationIsRestoredOnlyAsAConfirmedMigrationAndTheStatusBarFollows() throws Exception {
        DesktopFixture.prepare(db, "路灯不亮。");
        Path other = db.resolveSibling("other.db");
        Path disguised;
        try (AppContext app = open()) {
            new DeskSettings(app.settings()).rememberUser("管理员");
            disguised = app.backups().folder().resolve("GS-007_2026-12-01_120000-000-manual.db");
        }
        try (AppContext app = AppContext.open(other, org.liaisondesk.i18n.Messages.forLanguage("zh"))) {
            app.stations().initialize("GS-009", "拱宸桥街道人大代表联络站", org.liaisondesk.model.StationMode.STATION,
                    "test");
            app.users().createFirstAdministrator("管理员", DesktopFixture.PASSWORD.toCharArray());
            java.nio.file.Files.createDirectories(disguised.getParent());
            app.backups().backupTo(disguised, false, "test");
        }
        window.startReady(db);
        assertThat(lookup("#status-station").queryLabeled().getText()).contains("GS-007");
        push(KeyCode.CONTROL, KeyCode.DIGIT6);
        DesktopFixture.waitFor(() -> lookup("#settings-users").tryQuery().isPresent());
        clickOn("#settings-tab-backup .tab-label");
        DesktopFixture.waitFor(() -> this.<BackupRow>rows("#backup-table").stream()
                .anyMatch(r -> r.name().equals(disguised.getFileName().toString())));
        int row = this.<BackupRow>rows("#backup-table").stream().map(BackupRow::name).toList()
                .indexOf(disguised.getFileName().toString());
        TableView<?> backups = lookup("#backup-table").queryAs(TableView.class);
        interact(() -> backups.getSelectionModel().select(row));
        clickOn("#backup-restore");
        DesktopFixture.waitFor(() -> dialogText().contains("替换当前数据库"));
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> dialogText().contains("属于另一个站点或模式"));
        assertThat(dialogText()).contains("GS-009").contains("GS-007");
        try (AppContext app = open()) {
            assertThat(app.stations().current().orElseThrow().code()).as("refused until confirmed").isEqualTo("GS-007");
            assertThat(app.opinions().count(OpinionFilter.ALL)).isEqualTo(1);
        }
        push(KeyCode.ENTER);
        DesktopFixture.waitFor(() -> label("#backup-message").getText().startsWith("已恢复"));
        DesktopFixture.waitFor(() -> lookup("#status-station").queryLabeled().getText().contains("GS-009"));
        assertThat(lookup("#status-station").queryLabeled().getText()).contains("拱宸桥街道人大代表联络站");
        try (AppContext app = open()) {
            assertThat(app.stations().current().orElseThrow().code()).isEqualTo("GS-009");
            assertThat(app.opinions().count(OpinionFilter.ALL)).isZero();
        }
    }

    @Test
    void closingTheWindowMakesTheExitBackup() throws Exception {
        DesktopFixture.prepare(db, "路灯不亮。");
        window.startReady(db);
        window.requestClose();
        try (AppContext app = open()) {
            assertThat(app.backups().backups()).anyMatch(p -> p.getFileName().toString().endsWith("-exit.db"));
            assertThat(app.audit().find(new AuditQuery(null, "张丽", "backup", 0))).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    /** Scribbles over the first page of an index on the opinions, the way a failing disk would. */
    private static void damageAnIndex(Path db) throws Exception {
        long page;
        long pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE type = 'index'"
                    + " AND tbl_name = 'opinion' AND rootpage > 1 ORDER BY rootpage LIMIT 1")) {
                rs.next();
                page = rs.getLong(1);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((page - 1) * pageSize);
            f.write(new byte[] {13, 0, 0, 0, 7, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f});
        }
    }



    @SuppressWarnings("unchecked")
    private <R> List<R> rows(String table) {
        return List.copyOf(lookup(table).queryAs(TableView.class).getItems());
    }

    private List<OpinionRow> listRows() {
        return rows("#opinion-table");
    }


    private String dialogHeader() {
        return showingDialog().map(DialogPane::getHeaderText).orElse("");
    }

    private java.util.Optional<DialogPane> showingDialog() {
        return lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow() != null
                        && p.getScene().getWindow().isShowing())
                .reduce((first, second) -> second);
    }
}

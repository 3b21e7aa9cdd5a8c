package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRunner;
import org.liaisondesk.i18n.Messages;

/**
 * Issue 18 item 6: the command line acts for an account only when its password is proven; administrator actions
 * need an administrator; contacts are masked as the window would; the audit log tells proven accounts from the
 * unproven operating-system user; the database and its folder are owner-only.
 */
class CommandLineAccessTest {

    private static final String ADMIN = "admin-pass-1";
    private static final String CLERK = "clerk-pass-1";
    private static final String DEPUTY = "deputy-pass-1";

    @TempDir
    Path dir;
    Path db;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("data").resolve("station.db");
        cli = new CliRunner(db);
        ok(cli.run("init", "--station", "GS-007", "--name", "西湖区联络站"));
        // No accounts yet: the operating-system user is the station's local operator and sets up the first admin.
        ok(cli.runWithInput(ADMIN + "\n", "user", "add", "admin1", "--role", "admin", "--password-stdin"));
        ok(cli.runWithInput(ADMIN + "\n" + CLERK + "\n", "--user", "admin1", "--password-stdin",
                "user", "add", "clerk1", "--role", "clerk", "--password-stdin"));
        ok(cli.runWithInput(ADMIN + "\n" + DEPUTY + "\n", "--user", "admin1", "--password-stdin",
                "user", "add", "dep", "--role", "deputy", "--password-stdin"));
        // Contract commands keep working without --user once accounts exist.
        ok(cli.run("add", "--text", "建议增加社区养老服务点。", "--name", "张三", "--phone", "13812341234"));
        ok(cli.run("add", "--text", "路灯坏了。", "--name", "李四", "--phone", "13900001111", "--consent"));
    }

    @Test
    void aNameWithoutItsPasswordDoesNotUnmaskTheReceptionRegister() {
        Path form = dir.resolve("register.docx");
        String today = java.time.LocalDate.now().toString();
        CliRunner.Result claimed = cli.runWithInput("", "--lang", "en", "--user", "admin1", "form", "register",
                "--date", today, "--out", form.toString());
        assertThat(claimed.code()).isEqualTo(2);
        assertThat(claimed.err()).contains("proven account");
        assertThat(form).doesNotExist();
        ok(cli.runWithInput(ADMIN + "\n", "--user", "admin1", "--password-stdin", "form", "register", "--date",
                today, "--out", form.toString()));
        assertThat(form).exists();
    }

    @Test
    void aDeputyCannotCreateAnAdministrator() {
        CliRunner.Result r = cli.runWithInput(DEPUTY + "\nnew-admin-pass\n", "--lang", "en", "--user", "dep",
                "--password-stdin", "user", "add", "dep2", "--role", "admin", "--password-stdin");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("may not do this");
        assertThat(users()).doesNotContain("dep2");
    }

    @Test
    void aClerkCannotResetTheAdministratorsPasswordButChangesTheirOwnWithTheOldOne() {
        CliRunner.Result r = cli.runWithInput(CLERK + "\nstolen-pass-9\n", "--user", "clerk1", "--password-stdin",
                "user", "passwd", "admin1", "--password-stdin");
        assertThat(r.code()).isEqualTo(2);
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("en"))) {
            assertThat(ctx.users().authenticate("admin1", ADMIN.toCharArray()).name()).isEqualTo("admin1");
        }
        assertThat(cli.runWithInput("wrong-old-pass\nnew-clerk-pass\n", "--user", "clerk1", "--password-stdin",
                "user", "passwd", "clerk1", "--password-stdin").code()).isEqualTo(2);
        ok(cli.runWithInput(CLERK + "\nnew-clerk-pass\n", "--user", "clerk1", "--password-stdin",
                "user", "passwd", "clerk1", "--password-stdin"));
    }

    @Test
    void aNameWithoutItsPasswordIsRefusedAndSoIsAnUnprovenAdministratorAction() {
        CliRunner.Result claimed = cli.runWithInput("", "--lang", "en", "--user", "admin1", "user", "add", "x1",
                "--role", "admin", "--password-stdin");
        assertThat(claimed.code()).isEqualTo(2);
        assertThat(claimed.err()).contains("proven account");
        assertThat(cli.run("--user", "anyone", "add", "--text", "随便一个名字").code()).isEqualTo(2);
        assertThat(cli.runWithInput("whatever1\n", "--user", "nobody", "--password-stdin", "list", "--json").code())
                .isEqualTo(2);
        CliRunner.Result unproven = cli.runWithInput("x1-password\n", "--lang", "en", "user", "add", "x1",
                "--role", "admin", "--password-stdin");
        assertThat(unproven.code()).isEqualTo(2);
        assertThat(unproven.err()).contains("proven account");
        assertThat(cli.run("user", "unlock", "admin1").code()).isEqualTo(2);
        assertThat(cli.run("audit", "--json").code()).isEqualTo(2);
        assertThat(users()).doesNotContain("x1");
    }

    @Test
    void contactsAreMaskedForTheProvenRoleAndForAnUnprovenUser() throws Exception {
        JsonNode deputy = json(cli.runWithInput(DEPUTY + "\n", "--user", "dep", "--password-stdin", "list",
                "--json"));
        assertThat(phone(deputy, "张三")).isNull();
        assertThat(phoneOf(deputy, "建议增加")).doesNotContain("13812341234").contains("1234");
        assertThat(phoneOf(deputy, "路灯")).isEqualTo("13900001111");
        JsonNode unproven = json(cli.run("list", "--json"));
        assertThat(phoneOf(unproven, "建议增加")).doesNotContain("13812341234");
        JsonNode admin = json(cli.runWithInput(ADMIN + "\n", "--user", "admin1", "--password-stdin", "list",
                "--json"));
        assertThat(phoneOf(admin, "建议增加")).isEqualTo("13812341234");
        JsonNode search = json(cli.run("search", "养老", "--json"));
        assertThat(phoneOf(search, "建议增加")).doesNotContain("13812341234");
    }

    @Test
    void theAuditLogTellsAProvenAccountFromTheOperatingSystemUser() throws Exception {
        JsonNode audit = json(cli.runWithInput(ADMIN + "\n", "--user", "admin1", "--password-stdin", "audit",
                "--json"));
        String os = "os:" + System.getProperty("user.name");
        assertThat(audit.findValuesAsText("actor")).contains(os, "admin1");
        for (JsonNode e : audit) {
            if (e.get("action").asText().equals("user-add") && e.get("detail").asText().contains("clerk1")) {
                assertThat(e.get("actor").asText()).isEqualTo("admin1");
            }
        }
    }

    @Test
    void theDatabaseAndItsFolderAreOwnerOnlyAndAnOpenTightensThem() throws Exception {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return;
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent())))
                .isEqualTo("rwx------");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        ok(cli.run("stats", "--json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    }

    private String users() {
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("en"))) {
            return ctx.users().list().toString();
        }
    }

    private static JsonNode json(CliRunner.Result r) throws Exception {
        ok(r);
        return new ObjectMapper().readTree(r.out());
    }

    private static String phone(JsonNode list, String name) {
        for (JsonNode o : list) {
            if (name.equals(o.path("constituent").path("name").asText(null))) {
                return o.path("constituent").path("phone").asText(null);
            }
        }
        return null;
    }

    private static String phoneOf(JsonNode list, String textStart) {
        for (JsonNode o : list) {
            if (o.get("text").asText().startsWith(textStart)) {
                return o.path("constituent").path("phone").asText(null);
            }
        }
        throw new AssertionError("no opinion starting " + textStart + " in " + list);
    }

    private static void ok(CliRunner.Result r) {
        assertThat(r.code()).as(r.err()).isZero();
    }
}

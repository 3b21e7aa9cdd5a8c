package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRunner;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.PasswordHasher;
import org.liaisondesk.service.UserService;
import org.liaisondesk.store.UserRepository;

class UsersAndLockoutTest {

    static final String ODD_PASSWORD = "p'; DROP TABLE app_user;-- \"😀\u200F密码%_\\";

    @TempDir
    Path dir;
    Path db;
    TickingClock clock;
    AppContext ctx;
    InputStream originalIn;

    @BeforeEach
    void setUp() {
        db = dir.resolve("station.db");
        clock = new TickingClock(Instant.parse("2024-05-01T01:00:00Z"));
        ctx = AppContext.open(db, Messages.forLanguage("en"), clock);
        originalIn = System.in;
    }

    @AfterEach
    void tearDown() {
        ctx.close();
        System.setIn(originalIn);
    }

    @Test
    void firstAccountMustBeAnAdministratorAndIsCreatedOnce() {
        UserService users = ctx.users();
        assertThat(users.needsFirstAdministrator()).isTrue();
        assertThatThrownBy(() -> users.add("小王", Role.CLERK, "secret-123".toCharArray(), "cli"))
                .hasMessageContaining("user.error.firstMustBeAdmin");
        users.createFirstAdministrator("站长", "secret-123".toCharArray());
        assertThat(users.needsFirstAdministrator()).isFalse();
        assertThatThrownBy(() -> users.createFirstAdministrator("other", "secret-123".toCharArray()))
                .hasMessageContaining("user.error.firstExists");
        assertThat(users.authenticate("站长", "secret-123".toCharArray()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void oddButTypeablePasswordsWorkAndControlCharactersAreRefused() {
        UserService users = ctx.users();
        users.createFirstAdministrator("admin", ODD_PASSWORD.toCharArray());
        assertThat(users.authenticate("admin", ODD_PASSWORD.toCharArray()).name()).isEqualTo("admin");
        assertThat(users.list()).hasSize(1);

        for (String bad : new String[] {"abc\u0000defgh", "abcdefgh\n", "short"}) {
            assertThatThrownBy(() -> users.add("clerk1", Role.CLERK, bad.toCharArray(), "admin"))
                    .isInstanceOf(UserFacingException.class);
        }
        assertThat(users.list()).hasSize(1);
        assertThatThrownBy(() -> users.add("bad name", Role.CLERK, "longenough".toCharArray(), "admin"))
                .hasMessageContaining("user.error.name");
        assertThatThrownBy(() -> users.add("x'; --", Role.CLERK, "longenough".toCharArray(), "admin"))
                .hasMessageContaining("user.error.name");
    }

    @Test
    void tenWrongPasswordsLockTheAccountWhichAnAdministratorCanUnlock() {
        UserService users = ctx.users();
        users.createFirstAdministrator("admin", "right-password".toCharArray());
        users.add("小王", Role.CLERK, "right-password".toCharArray(), "admin");
        Messages en = ctx.messages();
        for (int attempt = 1; attempt <= 10; attempt++) {
            int n = attempt;
            assertThatThrownBy(() -> users.authenticate("小王", "wrong-password".toCharArray()))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey())
                            .isEqualTo(n < 5 ? "user.error.badPassword" : "user.error.locked"));
        }
        assertThatThrownBy(() -> users.authenticate("小王", "right-password".toCharArray()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.localized(en))
                        .contains("locked until"));
        assertThat(ctx.audit().find(new AuditQuery(null, "小王", "login-failed", 0))).hasSize(5);
        assertThat(ctx.audit().find(new AuditQuery(null, null, "user-locked", 0))).hasSize(1);

        users.unlock("小王", "admin");
        assertThat(users.authenticate("小王", "right-password".toCharArray()).failedAttempts()).isZero();
        assertThat(ctx.audit().find(new AuditQuery(null, "admin", "user-unlock", 0))).hasSize(1);
    }

    @Test
    void lockEndsByItselfAfterFifteenMinutes() {
        UserService users = ctx.users();
        users.createFirstAdministrator("admin", "right-password".toCharArray());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> users.authenticate("admin", "nope-nope".toCharArray()));
        }
        assertThatThrownBy(() -> users.authenticate("admin", "right-password".toCharArray()))
                .hasMessageContaining("user.error.locked");
        clock.advance(UserService.LOCK_TIME.toSeconds() + 1);
        assertThat(users.authenticate("admin", "right-password".toCharArray()).name()).isEqualTo("admin");
    }

    @Test
    void anAdministratorChangesRolesAndDisablesAccountsButNeverTheLastAdministrator() {
        UserService users = ctx.users();
        users.createFirstAdministrator("站长", "secret-123".toCharArray());
        users.add("小王", Role.CLERK, "secret-123".toCharArray(), "站长");

        users.changeRole("小王", Role.DEPUTY, "站长");
        assertThat(users.authenticate("小王", "secret-123".toCharArray()).role()).isEqualTo(Role.DEPUTY);
        assertThatThrownBy(() -> users.changeRole("站长", Role.CLERK, "站长"))
                .hasMessageContaining("user.error.lastAdministrator");
        assertThatThrownBy(() -> users.disable("站长", "站长")).hasMessageContaining("user.error.disableSelf");

        users.disable("小王", "站长");
        assertThatThrownBy(() -> users.authenticate("小王", "secret-123".toCharArray()))
                .hasMessageContaining("user.error.disabled");
        assertThat(users.list()).extracting(UserAccount::name).contains("小王");
        users.enable("小王", "站长");
        assertThat(users.authenticate("小王", "secret-123".toCharArray()).name()).isEqualTo("小王");
        assertThat(ctx.audit().find(new AuditQuery(null, "站长", "user-disable", 0))).hasSize(1);
    }

    @Test
    void unknownUserGetsTheSameMessageAsAWrongPassword() {
        ctx.users().createFirstAdministrator("admin", "right-password".toCharArray());
        assertThatThrownBy(() -> ctx.users().authenticate("nobody", "whatever1".toCharArray()))
                .hasMessageContaining("user.error.badLogin");
        assertThatThrownBy(() -> ctx.users().authenticate("' OR 1=1 --", "whatever1".toCharArray()))
                .hasMessageContaining("user.error.badLogin");
    }

    @Test
    void hashesKeepTheirParametersAndAreRaisedAtTheNextLogin() {
        UserRepository repo = new UserRepository(ctx.database());
        PasswordHasher weak = new PasswordHasher(1000);
        repo.add("old", Role.ADMIN, weak.hash("right-password".toCharArray()), Instant.now(), false, "test");
        assertThat(repo.passwordHash("old").orElseThrow()).startsWith("pbkdf2-sha256$1000$");
        ctx.users().authenticate("old", "right-password".toCharArray());
        assertThat(repo.passwordHash("old").orElseThrow()).startsWith("pbkdf2-sha256$" + PasswordHasher.configuredIterations() + "$");
        ctx.users().authenticate("old", "right-password".toCharArray());
    }

    @Test
    void commandLineReadsPasswordsFromStandardInputNeverTheArguments() throws Exception {
        ctx.close();
        CliRunner cli = new CliRunner(db);
        String admin = "s3cret-管理员";
        // The first administrator comes from the operating-system user while the database has no accounts; after
        // that, each run proves an administrator's password first (the first line), then gives the new one.
        assertThat(cli.runWithInput(admin + "\n", "user", "add", "admin", "--role", "admin", "--password-stdin")
                .code()).isZero();
        String[] asAdmin = {"--lang", "en", "--user", "admin", "--password-stdin"};
        assertThat(cli.runWithInput(admin + "\nclerk-pass-1\n", with(asAdmin, "user", "add", "小王", "--role",
                "clerk", "--password-stdin")).code()).isZero();
        CliRunner.Result weak = cli.runWithInput(admin + "\nx\n", with(asAdmin, "user", "add", "小李", "--role",
                "deputy", "--password-stdin"));
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("8 to 256 characters");
        CliRunner.Result role = cli.runWithInput(admin + "\n", with(asAdmin, "user", "add", "小李", "--role", "boss",
                "--password-stdin"));
        assertThat(role.code()).isEqualTo(2);
        assertThat(role.err()).contains("admin, clerk, deputy or general-staff");

        String list = cli.runWithInput(admin + "\n", with(asAdmin, "user", "list", "--json")).out();
        assertThat(list).contains("\"admin\"", "\"小王\"", "\"clerk\"").doesNotContain("pbkdf2");
        assertThat(cli.runWithInput(admin + "\nnew-password-2\n", with(asAdmin, "user", "passwd", "小王",
                "--password-stdin")).code()).isZero();
        assertThat(cli.runWithInput(admin + "\n", with(asAdmin, "user", "unlock", "小王")).code()).isZero();
        assertThat(cli.runWithInput(admin + "\n", with(asAdmin, "user", "unlock", "nobody")).code()).isEqualTo(2);
        String audit = cli.runWithInput(admin + "\n", with(asAdmin, "audit", "--actor", "admin", "--json")).out();
        assertThat(audit).contains("user-add", "user-passwd", "user-unlock").doesNotContain("new-password-2");

        try (AppContext again = AppContext.open(db, Messages.forLanguage("en"))) {
            assertThat(again.users().authenticate("小王", "new-password-2".toCharArray()).role())
                    .isEqualTo(Role.CLERK);
        }
    }

    private static String[] with(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}

package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRun;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.Status;
import org.liaisondesk.service.ContactPolicy;
import org.liaisondesk.service.Masking;
import org.liaisondesk.service.Permissions;

class PrivacyTest {

    @TempDir
    Path dir;

    @Test
    void masksPhonesNamesAndAddresses() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("138-1234-1234")).isEqualTo("138****1234");
        assertThat(Masking.phone("0571-88886666")).isEqualTo("057*****6666");
        assertThat(Masking.phone("12345")).isEqualTo("***45");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("张小三")).isEqualTo("张**");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(Masking.name("欧阳")).isEqualTo("欧*");
        assertThat(Masking.name("王")).isEqualTo("*");
        assertThat(Masking.name("𠀋丽")).isEqualTo("𠀋*");
        assertThat(Masking.address("翠苑一区3幢2单元501室")).isEqualTo("翠苑一区***");
        assertThat(Masking.address("西湖区文三路478号")).isEqualTo("西湖区文三路***");
        assertThat(Masking.address("西湖区翠苑街道翠苑社区东门")).isEqualTo("西湖区翠苑街道翠苑社区***");
        assertThat(Masking.address("翠苑社区")).isEqualTo("翠苑社区");
        assertThat(Masking.mask(Constituent.ANONYMOUS)).isEqualTo(Constituent.ANONYMOUS);
    }

    @Test
    void exportFollowsTheSettingAndConsent() {
        Opinion consenting = opinion(new Constituent("张三", "13812341234", "翠苑一区3幢", true));
        Opinion notConsenting = opinion(new Constituent("李四", "13900001111", "翠苑二区5幢", false));

        assertThat(ContactPolicy.forExport(consenting, ExportPrivacy.BY_CONSENT)).isEqualTo(consenting.constituent());
        assertThat(ContactPolicy.forExport(notConsenting, ExportPrivacy.BY_CONSENT))
                .isEqualTo(new Constituent(null, null, null, false));
        assertThat(ContactPolicy.forExport(notConsenting, ExportPrivacy.FULL))
                .isEqualTo(new Constituent("李*", "139****1111", "翠苑二区***", false));
        assertThat(ContactPolicy.forExport(consenting, ExportPrivacy.MASKED))
                .isEqualTo(new Constituent("张*", "138****1234", "翠苑一区***", true));
        assertThat(ContactPolicy.forExport(consenting, ExportPrivacy.NONE))
                .isEqualTo(new Constituent(null, null, null, true));

        try (AppContext ctx = AppContext.open(dir.resolve("s.db"), Messages.forLanguage("zh"))) {
            assertThat(ctx.contactPolicy().exportPrivacy()).isEqualTo(ExportPrivacy.BY_CONSENT);
            ctx.contactPolicy().setExportPrivacy(ExportPrivacy.MASKED, "admin");
            assertThat(ctx.contactPolicy().forExport(consenting).phone()).isEqualTo("138****1234");
            assertThat(ctx.audit().find(new AuditQuery(null, "admin", "setting", 0))).hasSize(1);
        }
    }

    @Test
    void rolesDecideWhoSeesFullDetails() {
        Constituent noConsent = new Constituent("张三", "13812341234", "翠苑一区3幢", false);
        assertThat(ContactPolicy.forViewer(noConsent, Role.CLERK)).isEqualTo(noConsent);
        assertThat(ContactPolicy.forViewer(noConsent, Role.DEPUTY).phone()).isEqualTo("138****1234");
        assertThat(ContactPolicy.forViewer(noConsent, Role.GENERAL_STAFF).name()).isEqualTo("张*");
        Constituent consent = new Constituent("张三", "13812341234", "翠苑一区3幢", true);
        assertThat(ContactPolicy.forViewer(consent, Role.DEPUTY)).isEqualTo(consent);

        assertThat(Permissions.allows(Role.CLERK, Permissions.Action.RECORD)).isTrue();
        assertThat(Permissions.allows(Role.CLERK, Permissions.Action.MANAGE_USERS)).isFalse();
        assertThat(Permissions.allows(Role.DEPUTY, Permissions.Action.REVIEW)).isTrue();
        assertThat(Permissions.allows(Role.DEPUTY, Permissions.Action.RECORD)).isFalse();
        for (Permissions.Action a : List.of(Permissions.Action.MANAGE_USERS, Permissions.Action.MANAGE_TAXONOMY,
                Permissions.Action.MANAGE_BACKUPS, Permissions.Action.MANAGE_KEYS)) {
            assertThat(Role.values()).filteredOn(r -> Permissions.allows(r, a)).containsExactly(Role.ADMIN);
        }
    }

    @Test
    void retentionErasesPersonalDetailsOfOldClosedOpinionsOnly() throws Exception {
        Path db = dir.resolve("station.db");
        CliRun cli = new CliRun(db);
        cli.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        String oldClosed = cli.ok("add", "--text", "旧的已办结意见", "--name", "张三", "--phone", "13812341234",
                "--address", "翠苑一区3幢", "--consent").strip();
        String oldOpen = cli.ok("add", "--text", "旧的未办结意见", "--name", "李四").strip();
        String newClosed = cli.ok("add", "--text", "新的已办结意见", "--name", "王五").strip();
        Sql.exec(db, "UPDATE opinion SET status='closed', updated_at='2020-01-01T00:00:00Z' WHERE id='" + oldClosed + "'",
                "UPDATE opinion SET updated_at='2020-01-01T00:00:00Z' WHERE id='" + oldOpen + "'",
                "UPDATE opinion SET status='closed' WHERE id='" + newClosed + "'");

        assertThat(cli.ok("--lang", "en", "retention")).startsWith("1 opinion(s)");
        assertThat(cli.ok("--lang", "en", "retention", "--run")).contains("from 1 opinion(s)");
        assertThat(cli.ok("--lang", "en", "retention", "--run")).contains("from 0 opinion(s)");

        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"))) {
            Opinion erased = ctx.opinions().find(UUID.fromString(oldClosed)).orElseThrow();
            assertThat(erased.constituent()).isEqualTo(Constituent.ANONYMOUS);
            assertThat(erased.text()).isEqualTo("旧的已办结意见");
            assertThat(erased.revision()).isEqualTo(2);
            assertThat(ctx.opinions().find(UUID.fromString(oldOpen)).orElseThrow().constituent().name())
                    .isEqualTo("李四");
            assertThat(ctx.opinions().find(UUID.fromString(newClosed)).orElseThrow().constituent().name())
                    .isEqualTo("王五");
            assertThat(ctx.audit().find(new AuditQuery(oldClosed, null, "retention-erase", 0))).hasSize(1);
            assertThat(ctx.audit().find(new AuditQuery(null, null, "retention-run", 0))).hasSize(2);
        }
        assertThat(cli.run("check").code()).isZero();
    }

    private static Opinion opinion(Constituent who) {
        return new Opinion(UUID.randomUUID(), "GS-007-2024-000001", "GS-007", java.time.LocalDateTime.now(),
                org.liaisondesk.model.Channel.VISIT, who, null, "意见", List.of(), Status.RECORDED, Instant.now(),
                Instant.now(), 1, false);
    }
}

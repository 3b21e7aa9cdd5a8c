package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

/** Issue 18 item 7: the audit log is a hash chain that {@code check} verifies, so a foreign edit shows. */
class AuditChainTest {

    private static final String RECREATE_UPDATE_TRIGGER = "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON "
            + "audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END";

    @TempDir
    Path dir;
    Path db;
    CliRun cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("station.db");
        cli = new CliRun(db);
        cli.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        cli.ok("add", "--text", "小区门口的路灯坏了三个月,晚上出行不安全。");
        cli.ok("add", "--text", "建议增加社区养老服务点。");
        cli.ok("add", "--text", "公交线路太少,早高峰挤不上车。");
    }

    @Test
    void everyEntryIsChainedAndAnIntactLogPasses() throws Exception {
        assertThat(Sql.count(db, "SELECT count(*) FROM audit_log")).isGreaterThanOrEqualTo(3);
        assertThat(Sql.count(db, "SELECT count(*) FROM audit_log a JOIN audit_hash h ON h.id = a.id"))
                .isEqualTo(Sql.count(db, "SELECT count(*) FROM audit_log"));
        assertThat(cli.run("check").code()).isZero();
    }

    @Test
    void anEntryEditedWithTheTriggerDroppedAndPutBackIsReportedWhereItBreaks() throws Exception {
        long second = Sql.count(db, "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1");
        Sql.exec(db, "DROP TRIGGER audit_log_no_update",
                "UPDATE audit_log SET actor = 'someone-else' WHERE id = " + second,
                RECREATE_UPDATE_TRIGGER);
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("hash chain breaks at entry " + second + " (");
    }

    @Test
    void aRemovedOrForgedEntryBreaksTheChain() throws Exception {
        long first = Sql.count(db, "SELECT min(id) FROM audit_log");
        Sql.exec(db, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE id = " + first,
                "INSERT INTO audit_log (at, actor, action, detail) VALUES ('2020-01-01T00:00:00Z', 'x', 'forged', '')");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("breaks at entry " + (first + 1), "were removed outside the program")
                .contains("forged");
    }

    @Test
    void entriesFromBeforeTheChainAreChainedOnceAtTheNextOpen() throws Exception {
        // A database as V015 finds it: entries without hashes and the migration's "pending" mark.
        Sql.exec(db, "DROP TRIGGER audit_hash_no_delete", "DELETE FROM audit_hash",
                "INSERT INTO setting (key, value) VALUES ('audit.chain.pending', '1')");
        assertThat(cli.run("check").code()).isZero();
        assertThat(Sql.count(db, "SELECT count(*) FROM audit_hash"))
                .isEqualTo(Sql.count(db, "SELECT count(*) FROM audit_log"));
        assertThat(Sql.count(db, "SELECT count(*) FROM setting WHERE key = 'audit.chain.pending'")).isZero();
        // Only once: an entry slipped in later without a hash is a break, not silently chained.
        Sql.exec(db, "INSERT INTO audit_log (at, actor, action, detail) VALUES ('2020-01-01T00:00:00Z', 'x', 'y', '')");
        assertThat(cli.run("check").code()).isEqualTo(2);
    }

    @Test
    void anUpwardBatchCarriesTheChainHeadAndTheGeneralStationRecordsIt() throws Exception {
        Path usb = java.nio.file.Files.createDirectory(dir.resolve("usb"));
        Path batch = Path.of(cli.ok("export", "--out", usb.toString()).strip());
        com.fasterxml.jackson.databind.JsonNode header = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(batch.toFile()).get("header");
        String head = header.get("auditHead").asText();
        assertThat(head).matches("[0-9]+:[0-9a-f]{64}");
        long id = Long.parseLong(head.substring(0, head.indexOf(':')));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT hash FROM audit_hash WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            assertThat(head).endsWith(":" + rs.getString(1));
        }
        CliRun general = new CliRun(dir.resolve("general.db"));
        general.ok("init", "--station", "ZZ-000", "--name", "联络总站", "--mode", "general");
        general.ok("import", batch.toString());
        assertThat(general.ok("audit", "--action", "import", "--json")).contains("auditHead=" + head);
    }

    /**
     * The attack a chain alone cannot see: the log edited and the whole chain recomputed (here by the program itself,
     * with the hashes deleted and the "chain pending" mark of V015 put back). Plain {@code check} passes; the heads the
     * general station recorded from the station's batches do not match any more.
     */
    @Test
    void aRechainedLogPassesCheckButNotTheGeneralStationsAnchors() throws Exception {
        Path usb = java.nio.file.Files.createDirectory(dir.resolve("usb"));
        CliRun general = new CliRun(dir.resolve("general.db"));
        general.ok("init", "--station", "ZZ-000", "--name", "联络总站", "--mode", "general");
        general.ok("import", cli.ok("export", "--out", usb.toString()).strip());
        cli.ok("add", "--text", "第二批的意见:楼道灯不亮。");
        general.ok("import", cli.ok("export", "--out", usb.toString()).strip());
        Path anchors = dir.resolve("anchors.json");
        assertThat(general.ok("--lang", "en", "audit-anchors", "--station", "GS-007", "--out", anchors.toString()))
                .contains("Wrote 2 audit anchors of station GS-007");
        assertThat(cli.ok("--lang", "en", "check", "--anchors", anchors.toString())).contains("agrees with the 2 anchors");

        long second = Sql.count(db, "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1");
        Sql.exec(db, "DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_hash_no_delete",
                "UPDATE audit_log SET actor = 'someone-else' WHERE id = " + second, RECREATE_UPDATE_TRIGGER,
                "DELETE FROM audit_hash", "INSERT INTO setting (key, value) VALUES ('audit.chain.pending', '1')");
        assertThat(cli.run("check").code()).as("the rewritten chain is consistent in itself").isZero();
        CliRun.Result r = cli.run("--lang", "en", "check", "--anchors", anchors.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("when batch 1 was sent", "when batch 2 was sent", "rewritten");
    }

    @Test
    void anchorsAreWrittenAtTheGeneralStationOnlyAndCheckedAtTheirOwnStationOnly() throws Exception {
        Path anchors = dir.resolve("anchors.json");
        CliRun.Result atStation = cli.run("--lang", "en", "audit-anchors", "--station", "GS-007", "--out",
                anchors.toString());
        assertThat(atStation.code()).isEqualTo(2);
        assertThat(atStation.err()).contains("general station only");
        java.nio.file.Files.writeString(anchors, "{\"format\":\"liaison-desk-audit-anchors\",\"version\":1,"
                + "\"station\":\"GS-008\",\"anchors\":[]}");
        CliRun.Result other = cli.run("--lang", "en", "check", "--anchors", anchors.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("belongs to station GS-008").doesNotContain("at org.");
        java.nio.file.Files.writeString(anchors, "not json");
        assertThat(cli.run("--lang", "en", "check", "--anchors", anchors.toString()).err())
                .contains("Cannot read the anchor file");
    }
}

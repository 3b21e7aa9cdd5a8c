package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

class CheckCommandTest {

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
        cli.ok("add", "--text", "建议增加社区养老服务点。", "--name", "张三", "--phone", "13812341234");
    }

    @Test
    void healthyDatabasePasses() {
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("healthy");
    }

    @Test
    void primaryAreaThatDisagreesWithTheTagsIsReported() throws Exception {
        Sql.exec(db, "UPDATE opinion SET primary_area = CASE WHEN primary_area = 1 THEN 2 ELSE 1 END");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2 opinions have a primary task area that does not match", "GS-007-");
    }

    /** #15: the sub-topic stored on the row for the dashboard (V029) must follow the tags. */
    @Test
    void storedSubtopicThatDisagreesWithTheTagsIsReported() throws Exception {
        Sql.exec(db, "UPDATE opinion SET primary_subtopic = '9.99'");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2 opinions have a stored primary sub-topic that does not match", "GS-007-");
    }

    @Test
    void twoPrimaryTagsAreReported() throws Exception {
        String id = cli.ok("add", "--text", "公交线路太少。").strip();
        Sql.exec(db, "DELETE FROM opinion_tag WHERE opinion_id = '" + id + "'",
                "INSERT INTO opinion_tag (opinion_id, area, is_primary, source) VALUES ('" + id + "', 2, 1, 'clerk')",
                "INSERT INTO opinion_tag (opinion_id, area, is_primary, source) VALUES ('" + id + "', 4, 1, 'clerk')",
                "UPDATE opinion SET primary_area = 2 WHERE id = '" + id + "'");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("do not have exactly one primary tag");
    }

    @Test
    void missingAuditProtectionIsReported() throws Exception {
        Sql.exec(db, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("audit_log_no_delete", "audit log is empty");
    }

    @Test
    void danglingForeignKeyIsReported() throws Exception {
        Sql.exec(db, "PRAGMA foreign_keys=OFF",
                "INSERT INTO opinion_tag (opinion_id, area, is_primary, source) VALUES ('no-such-opinion', 1, 1, 'auto')");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("opinion_tag", "refers to a opinion record that does not exist");
    }

    @Test
    void damagedIndexIsReported() throws Exception {
        // Point the index at the wrong rows: write the table behind SQLite's back via writable_schema.
        Sql.exec(db, "PRAGMA writable_schema=ON",
                "UPDATE sqlite_master SET sql = replace(sql, '(status, received_at)', '(received_at, status)') "
                        + "WHERE name = 'opinion_by_status'");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("damaged");
    }

    @Test
    void searchIndexIsCheckedWhenPresentAndDamageIsReported() throws Exception {
        Sql.exec(db, "CREATE VIRTUAL TABLE opinion_fts USING fts5(text)",
                "INSERT INTO opinion_fts SELECT text FROM opinion");
        assertThat(cli.run("check").code()).isZero();

        Sql.exec(db, "UPDATE opinion_fts_data SET block = zeroblob(length(block)) WHERE id > 10");
        CliRun.Result r = cli.run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("opinion_fts");
    }
}

package org.liaisondesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Page;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;

class OpinionRepositoryTest {

    @TempDir
    Path dir;

    static Opinion opinion(String station, LocalDateTime received, String text, AreaTag... tags) {
        Instant now = Instant.parse("2023-06-01T00:00:00Z");
        return new Opinion(UUID.randomUUID(), null, station, received, Channel.VISIT,
                new Constituent("李四", "13900001111", "西湖区某小区", true), "王秘书", text, List.of(tags),
                Status.RECORDED, now, now, 1, false);
    }

    static AreaTag tag(int area, boolean primary) {
        return new AreaTag(area, area + ".01", "条款", primary, 0.8, TagSource.AUTO, null, "2023-test");
    }

    /** The list's station filter: the stations with live opinions, from the running counts, as they change. */
    @Test
    void stationsAreThoseWithLiveOpinionsInCodeOrder() {
        try (Database db = Database.open(dir.resolve("stations.db"))) {
            OpinionRepository opinions = new OpinionRepository(db);
            assertThat(opinions.stations()).isEmpty();
            LocalDateTime day = LocalDateTime.of(2024, 3, 1, 9, 0);
            opinions.createAll(List.of(opinion("GS-2", day, "公交站没有遮雨棚"), opinion("GS-1", day, "路灯坏了")),
                    "test");
            Opinion only = opinions.create(opinion("GS-3", day, "幼儿园门口堵车"), "test");
            assertThat(opinions.stations()).containsExactly("GS-1", "GS-2", "GS-3");
            opinions.setDeleted(only.id(), true, "test");
            assertThat(opinions.stations()).containsExactly("GS-1", "GS-2");
        }
    }

    @Test
    void migratesAnEmptyFileToTheLatestSchemaWithDurablePragmas() throws Exception {
        Path file = dir.resolve("new.db");
        try (Database db = Database.open(file)) {
            assertThat(db.read(Migrations::userVersion)).isEqualTo(Migrations.latestVersion()).isPositive();
            String journal = db.read(c -> pragma(c, "journal_mode"));
            String foreignKeys = db.read(c -> pragma(c, "foreign_keys"));
            String synchronous = db.read(c -> pragma(c, "synchronous"));
            assertThat(journal).isEqualTo("wal");
            assertThat(foreignKeys).isEqualTo("1");
            assertThat(synchronous).as("FULL").isEqualTo("2");
        }
        try (Database again = Database.open(file)) {
            assertThat(again.read(Migrations::userVersion)).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void upgradesADatabaseFromAnOlderSchemaVersion() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : Migrations.statements(new String(Migrations.class
                    .getResourceAsStream("migrations/V001.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version=1");
            st.execute("INSERT INTO opinion (id, number, station, received_at, channel, text, status, created_at, "
                    + "updated_at) VALUES ('" + UUID.randomUUID() + "', 'GS-1-2023-000001', 'GS-1', "
                    + "'2023-01-01T09:00', 'visit', '旧版本录入的意见', 'recorded', '2023-01-01T01:00:00Z', "
                    + "'2023-01-01T01:00:00Z')");
        }
        try (Database db = Database.open(file)) {
            assertThat(db.read(Migrations::userVersion)).isEqualTo(Migrations.latestVersion());
            assertThat(new OpinionRepository(db).count(OpinionFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void refusesADatabaseFromANewerVersion() throws Exception {
        Path file = dir.resolve("future.db");
        Database.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version=" + (Migrations.latestVersion() + 5));
        }
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).messageKey()).isEqualTo("store.error.tooNew");
    }

    @Test
    void createFindUpdateDeleteRestoreKeepRevisionsAndAudit() {
        try (Database db = Database.open(dir.resolve("crud.db"))) {
            OpinionRepository repo = new OpinionRepository(db);
            Opinion saved = repo.create(opinion("GS-1", LocalDateTime.parse("2023-04-01T10:00"), "路灯坏了",
                    tag(4, true), tag(3, false)), "clerk");
            assertThat(saved.number()).isEqualTo("GS-1-2023-000001");
            Opinion found = repo.find(saved.id()).orElseThrow();
            assertThat(found.areas()).containsExactly(4, 3);
            assertThat(found.constituent().name()).isEqualTo("李四");

            Opinion edited = new Opinion(found.id(), found.number(), found.station(), found.receivedAt(),
                    Channel.PHONE, found.constituent(), found.receivedBy(), "路灯坏了一个星期", List.of(tag(3, true)),
                    found.status(), found.createdAt(), found.updatedAt(), found.revision(), false);
            Opinion after = repo.update(edited, 1, "clerk", "edit").orElseThrow();
            assertThat(after.revision()).isEqualTo(2);
            assertThat(after.text()).isEqualTo("路灯坏了一个星期");
            assertThat(after.areas()).containsExactly(3);
            assertThat(repo.update(edited, 1, "other", "edit")).as("stale revision").isEmpty();

            assertThat(repo.setDeleted(saved.id(), true, "clerk")).isTrue();
            assertThat(repo.count(OpinionFilter.ALL)).isZero();
            assertThat(repo.count(OpinionFilter.ALL.withDeleted(true))).isEqualTo(1);
            assertThat(repo.setDeleted(saved.id(), false, "clerk")).isTrue();
            assertThat(repo.find(saved.id()).orElseThrow().revision()).isEqualTo(4);

            List<String> actions = db.read(c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT action FROM audit_log ORDER BY id")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
            assertThat(actions).containsExactly("create", "edit", "delete", "restore");
        }
    }

    @Test
    void auditLogIsAppendOnly() {
        try (Database db = Database.open(dir.resolve("audit.db"))) {
            new OpinionRepository(db).create(opinion("GS-1", LocalDateTime.parse("2023-04-01T10:00"), "意见"), "c");
            assertThatThrownBy(() -> db.write(c -> c.createStatement().executeUpdate("DELETE FROM audit_log")))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void failedWriteLeavesNothingHalfSaved() {
        try (Database db = Database.open(dir.resolve("atomic.db"))) {
            OpinionRepository repo = new OpinionRepository(db);
            Opinion first = opinion("GS-1", LocalDateTime.parse("2023-04-01T10:00"), "第一条");
            Opinion duplicate = new Opinion(first.id(), null, "GS-1", first.receivedAt(), Channel.VISIT,
                    first.constituent(), null, "同一个编号", List.of(), Status.RECORDED, first.createdAt(),
                    first.updatedAt(), 1, false);
            assertThatThrownBy(() -> repo.createAll(List.of(first, duplicate), "c"));
            assertThat(repo.count(OpinionFilter.ALL)).isZero();
            assertThat(repo.create(opinion("GS-1", first.receivedAt(), "再来"), "c").number())
                    .as("the failed batch handed out no numbers").isEqualTo("GS-1-2023-000001");
        }
    }

    @Test
    void pagesSortAndFilterInSql() {
        try (Database db = Database.open(dir.resolve("page.db"))) {
            OpinionRepository repo = new OpinionRepository(db);
            List<Opinion> many = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                many.add(opinion(i % 2 == 0 ? "GS-1" : "GS-2", LocalDateTime.parse("2023-01-01T09:00").plusHours(i),
                        "意见 " + i, tag(1 + i % 6, true)));
            }
            repo.createAll(many, "gen");
            Page<Opinion> first = repo.page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 100);
            assertThat(first.total()).isEqualTo(250);
            assertThat(first.items()).hasSize(100);
            assertThat(first.items().get(0).text()).isEqualTo("意见 249");
            assertThat(first.items().get(0).tags()).hasSize(1);
            Page<Opinion> last = repo.page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 200, 100);
            assertThat(last.items()).hasSize(50);
            Page<Opinion> oldest = repo.page(OpinionFilter.ALL, new OpinionSort(OpinionSort.Field.RECEIVED_AT, true),
                    0, 1);
            assertThat(oldest.items().get(0).text()).isEqualTo("意见 0");
            assertThat(repo.count(OpinionFilter.ALL.withArea(3))).isEqualTo(42);
            assertThat(repo.count(OpinionFilter.ALL.withStation("GS-2").withArea(2))).isEqualTo(42);
            assertThat(repo.stats().byArea().get("1")).isEqualTo(42);
            assertThat(repo.stats().byStation()).containsEntry("GS-1", 125L).containsEntry("GS-2", 125L);
        }
    }

    @Test
    void concurrentWritersAreSerialisedByTheSingleWriter() throws Exception {
        try (Database db = Database.open(dir.resolve("concurrent.db"))) {
            OpinionRepository repo = new OpinionRepository(db);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Opinion>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> repo.create(opinion("GS-1", LocalDateTime.parse("2023-02-01T09:00"),
                        "并发 " + n), "t" + n)));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<Opinion> f : futures) {
                numbers.add(f.get().number());
            }
            pool.shutdown();
            assertThat(numbers).doesNotHaveDuplicates().hasSize(40);
            assertThat(repo.count(OpinionFilter.ALL)).isEqualTo(40);
        }
    }

    private static String pragma(Connection c, String name) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

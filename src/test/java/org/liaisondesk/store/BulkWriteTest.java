package org.liaisondesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liaisondesk.store.OpinionRepositoryTest.opinion;
import static org.liaisondesk.store.OpinionRepositoryTest.tag;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;

/**
 * An import's bulk write (V021): the per-row search and count triggers stand aside for the rows it inserts, and the
 * search index and running counts are brought up to date set-based before the transaction commits, so search and
 * counts are exact the moment it has committed; a rolled-back import leaves nothing, and afterwards the per-row
 * triggers work as before.
 */
class BulkWriteTest {

    @TempDir
    Path dir;

    @Test
    void importedOpinionsAreSearchableAndCountedTheMomentTheImportCommits() {
        try (Database db = Database.open(dir.resolve("bulk.db"))) {
            OpinionRepository repo = new OpinionRepository(db);
            SearchRepository search = new SearchRepository(db);
            repo.createAll(List.of(opinion("GS-1", LocalDateTime.parse("2023-04-01T10:00"), "路灯坏了",
                    tag(4, true))), "clerk");
            long seqBefore = search.changesSince(0, t -> { });

            List<Opinion> carried = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AreaTag[] tags = i % 5 == 0 ? new AreaTag[0] : new AreaTag[] {tag(1 + i % 6, true)};
                Opinion o = opinion(i % 2 == 0 ? "GS-2" : "GS-3", LocalDateTime.parse("2023-05-01T10:00").plusDays(i),
                        "导入意见第" + i + "号垃圾分类" + (i % 3 == 0 ? "加装电梯" : "停车难"), tags);
                carried.add(new Opinion(o.id(), o.station() + "-2023-" + (1000 + i), o.station(), o.receivedAt(),
                        o.channel(), o.constituent(), o.receivedBy(), o.text(), o.tags(), o.status(), o.createdAt(),
                        o.updatedAt(), 1, i % 7 == 0));
            }
            new ExchangeRepository(db).transaction(tx -> {
                carried.forEach(o -> assertThat(tx.insertIfNew(o)).isTrue());
                return null;
            });

            assertThat(bulkRows(db)).isZero();
            List<UUID> found = new ArrayList<>();
            search.search("加装电梯", OpinionFilter.ALL, 0, 100, o -> found.add(o.id()));
            assertThat(found).containsExactlyInAnyOrderElementsOf(carried.stream()
                    .filter(o -> !o.deleted() && o.text().contains("加装电梯")).map(Opinion::id).toList());
            List<UUID> deleted = new ArrayList<>();
            search.search("垃圾", OpinionFilter.ALL.withDeleted(true), 0, 100, o -> deleted.add(o.id()));
            assertThat(deleted).hasSize((int) carried.stream().filter(Opinion::deleted).count());
            OpinionCountsTest.assertAgrees(db, repo);
            assertThat(repo.count(OpinionFilter.ALL)).isEqualTo(1 + carried.stream().filter(o -> !o.deleted()).count());
            // Every imported opinion got a later change number, once: the similarity index catches up with them.
            List<UUID> changed = new ArrayList<>();
            search.changesSince(seqBefore, t -> changed.add(t.id()));
            assertThat(changed).containsExactlyInAnyOrderElementsOf(carried.stream().map(Opinion::id).toList());

            // After the bulk write, a clerk's save is indexed and counted row by row again.
            Opinion saved = repo.create(opinion("GS-1", LocalDateTime.parse("2024-01-02T09:00"), "噪音扰民",
                    tag(2, true)), "clerk");
            List<UUID> noise = new ArrayList<>();
            search.search("噪音", OpinionFilter.ALL, 0, 10, o -> noise.add(o.id()));
            assertThat(noise).containsExactly(saved.id());
            OpinionCountsTest.assertAgrees(db, repo);
        }
    }

    @Test
    void aRolledBackImportLeavesNoRowsNoIndexAndNoCounts() {
        try (Database db = Database.open(dir.resolve("rollback.db"))) {
            OpinionRepository repo = new OpinionRepository(db);
            Opinion o = opinion("GS-2", LocalDateTime.parse("2023-05-01T10:00"), "桥面破损", tag(3, true));
            Opinion numbered = new Opinion(o.id(), "GS-2-2023-000001", o.station(), o.receivedAt(), o.channel(),
                    o.constituent(), o.receivedBy(), o.text(), o.tags(), o.status(), o.createdAt(), o.updatedAt(), 1,
                    false);
            assertThatThrownBy(() -> new ExchangeRepository(db).transaction(tx -> {
                assertThat(tx.insertIfNew(numbered)).isTrue();
                throw new IllegalStateException("the batch's trailer does not match");
            })).hasMessageContaining("trailer");

            assertThat(bulkRows(db)).isZero();
            assertThat(repo.count(OpinionFilter.ALL)).isZero();
            OpinionCountsTest.assertAgrees(db, repo);
            List<UUID> found = new ArrayList<>();
            new SearchRepository(db).search("桥面", OpinionFilter.ALL, 0, 10, x -> found.add(x.id()));
            assertThat(found).isEmpty();
        }
    }

    private static long bulkRows(Database db) {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM bulk_write")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

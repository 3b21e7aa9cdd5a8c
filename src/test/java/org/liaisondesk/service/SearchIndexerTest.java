package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.SearchRepository;

/** The opinions saved one at a time reach the full-text index a moment later, and at the latest when it closes. */
class SearchIndexerTest {

    @TempDir
    Path dir;

    /** A station's database with the two repositories these tests use. */
    private record Store(Database db, OpinionRepository opinions, SearchRepository search) implements AutoCloseable {
        static Store open(Path file) {
            Database db = Database.open(file);
            return new Store(db, new OpinionRepository(db), new SearchRepository(db));
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private static void save(Store store, String text) {
        Instant now = Instant.now();
        store.opinions().create(new Opinion(UUID.randomUUID(), null, "GS-001", LocalDateTime.of(2026, 3, 1, 9, 0),
                Channel.VISIT, new Constituent(null, null, null, false), null, text, List.of(), Status.RECORDED, now,
                now, 1, false), "test");
    }

    @Test
    void indexesWhatWaitsAMomentAfterASave() throws InterruptedException {
        try (Store store = Store.open(dir.resolve("t.db"));
             SearchIndexer indexer = new SearchIndexer(store.search(), Duration.ofMillis(20))) {
            SearchRepository search = store.search();
            save(store, "小区门口的路灯坏了");
            save(store, "公交站没有遮雨棚");
            assertThat(search.pendingCount()).isEqualTo(2);
            indexer.soon();
            indexer.soon();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (search.pendingCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(search.pendingCount()).isZero();
            assertThat(search.search("路灯", OpinionFilter.ALL, 0, 0)).hasSize(1);
        }
    }

    @Test
    void closingIndexesWhatStillWaits() {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            SearchIndexer indexer = new SearchIndexer(store.search(), Duration.ofHours(1));
            save(store, "菜市场门口乱停车");
            indexer.soon();
            indexer.close();
            assertThat(store.search().pendingCount()).isZero();
            assertThat(store.search().search("停车", OpinionFilter.ALL, 0, 0)).hasSize(1);
            indexer.soon(); // after close: nothing scheduled, nothing thrown
        }
    }

    @Test
    void aSaveThroughTheProgramIsFoundAtOnce() {
        try (AppContext app = AppContext.open(dir.resolve("app.db"), new Messages(Messages.CHINESE))) {
            app.stations().initialize("GS-001", "测试站", StationMode.STATION, "test");
            app.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 3, 2, 9, 0), Channel.PHONE,
                    new Constituent(null, null, null, false), null, "幼儿园门口早上堵车", List.of()), "test");
            assertThat(app.searchService().search("堵车", OpinionFilter.ALL, 0, 10)).hasSize(1);
        }
        try (Store closed = Store.open(dir.resolve("app.db"))) {
            assertThat(closed.search().pendingCount()).isZero();
        }
    }

    @Test
    void theNextRunIndexesWhatARunThatNeverClosedLeftWaiting() throws InterruptedException {
        Path file = dir.resolve("t.db");
        try (Store killed = Store.open(file)) {
            save(killed, "垃圾分类点太远"); // saved, and the process killed before it indexed
        }
        try (Store store = Store.open(file)) {
            // a command that only reads finds it and leaves it as it was
            try (AppContext search = AppContext.open(file, new Messages(Messages.CHINESE))) {
                assertThat(search.searchService().search("垃圾分类", OpinionFilter.ALL, 0, 10)).hasSize(1);
            }
            assertThat(store.search().pendingCount()).isEqualTo(1);
            // a run that stays (the window) indexes it a moment after it starts
            try (AppContext window = AppContext.open(file, new Messages(Messages.CHINESE))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (store.search().pendingCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(store.search().pendingCount()).isZero();
                assertThat(window.searchService().search("垃圾分类", OpinionFilter.ALL, 0, 10)).hasSize(1);
            }
        }
    }
}

package org.liaisondesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Status;
import org.liaisondesk.search.SearchText;

/** The full-text index on a real SQLite file: exactly the opinions containing the query, in step with writes. */
class SearchRepositoryTest {

    @TempDir
    Path dir;

    private Database db;
    private OpinionRepository opinions;
    private SearchRepository search;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("t.db"));
        opinions = new OpinionRepository(db);
        search = new SearchRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Opinion add(String text) {
        return add(text, "GS-001", Channel.VISIT, LocalDate.of(2023, 5, 1));
    }

    /** Saves an opinion and indexes it, as the program does a moment after a save. */
    private Opinion add(String text, String station, Channel channel, LocalDate day) {
        Opinion saved = addWaiting(text, station, channel, day);
        search.indexPending();
        return saved;
    }

    /** Saves an opinion one at a time, as a clerk does: it waits for the index (V030). */
    private Opinion addWaiting(String text, String station, Channel channel, LocalDate day) {
        Instant now = Instant.now();
        return opinions.create(new Opinion(UUID.randomUUID(), null, station, day.atTime(9, 0), channel,
                new Constituent(null, null, null, false), null, text, List.of(), Status.RECORDED, now, now, 1, false),
                "test");
    }

    private List<String> texts(String query) {
        return texts(query, OpinionFilter.ALL);
    }

    private List<String> texts(String query, OpinionFilter filter) {
        return search.search(query, filter, 0, 0).stream().map(Opinion::text).toList();
    }

    /** #14 item 14: one NFKC fold, so the half-width and full-width ways of typing a number or a Latin word meet. */
    @Test
    void fullWidthAndHalfWidthFindEachOther() {
        add("３号楼电梯坏了一个月");
        add("ＷｉＦｉ信号太弱,老人用不了健康码");
        add("5号楼门口积水");
        assertThat(texts("3号楼")).containsExactly("３号楼电梯坏了一个月");
        assertThat(texts("３号楼")).containsExactly("３号楼电梯坏了一个月");
        assertThat(texts("wifi")).containsExactly("ＷｉＦｉ信号太弱,老人用不了健康码");
        assertThat(texts("５号楼")).containsExactly("5号楼门口积水");
        assertThat(SearchText.spans("３号楼电梯坏了", "3号楼")).extracting(SearchText.Span::start, SearchText.Span::end)
                .containsExactly(org.assertj.core.api.Assertions.tuple(0, 3));
    }

    /**
     * A resident's message as a newspaper's message board printed it (abridged; 长沙晚报 icswb.com 留言板
     * 2025-07-07, https://www.icswb.com/newspaper_article-detail-1827314.html): half-width digits in the text, a clerk
     * typing them full-width with a Chinese input method, or the other way round, still finds it. The second message
     * takes the board's "网友(手机尾号-…)" heading with full-width punctuation; its matter is made up.
     */
    @Test
    void aRealMessageIsFoundWhicheverWidthTheDigitsAreTypedIn() {
        add("雨花区青柠园小区10栋一单元的电梯毛病不断,电梯门开开关关、停在某一楼层不动,存在安全隐患");
        add("网友（手机尾号-7381）：金山小区３号楼楼道灯坏了");
        assertThat(texts("１０栋")).singleElement().asString().startsWith("雨花区青柠园小区10栋");
        assertThat(texts("10栋一单元")).hasSize(1);
        assertThat(texts("3号楼")).singleElement().asString().contains("３号楼");
        assertThat(texts("7381")).as("full-width brackets and colon do not hide the number").hasSize(1);
    }

    /** A database indexed with the old ASCII-only fold is indexed again by V027 where the new fold differs. */
    @Test
    void migrationV027IndexesOldFullWidthTextAgain() {
        Opinion old = add("３号楼电梯坏了");
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                long docid;
                try (var rs = st.executeQuery("SELECT docid FROM search_doc WHERE opinion_id = '" + old.id() + "'")) {
                    rs.next();
                    docid = rs.getLong(1);
                }
                // what the ASCII-only fold wrote: ３ kept as it is
                st.executeUpdate("DELETE FROM search_fts WHERE rowid = " + docid);
                st.executeUpdate("INSERT INTO search_fts (rowid, bi, ch) VALUES (" + docid
                        + ", '３号 号楼 楼电 电梯 梯坏 坏了', '３ 号 楼 电 梯 坏 了')");
            }
            return null;
        });
        assertThat(texts("3号楼")).as("before V027").isEmpty();
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                for (String sql : Migrations.statements(Migrations.read(27))) {
                    st.execute(sql);
                }
            }
            return null;
        });
        assertThat(texts("3号楼")).containsExactly("３号楼电梯坏了");
        assertThat(texts("电梯")).containsExactly("３号楼电梯坏了");
    }

    @Test
    void findsWordsOfTwoThreeAndFourCharacters() {
        add("社区养老服务站只有一个工作人员");
        add("夜市噪音扰民,晚上睡不着");
        add("亚运期间封路要提前告知");
        add("垃圾分类的桶太远");
        assertThat(texts("养老")).containsExactly("社区养老服务站只有一个工作人员");
        assertThat(texts("噪音")).containsExactly("夜市噪音扰民,晚上睡不着");
        assertThat(texts("亚运")).containsExactly("亚运期间封路要提前告知");
        assertThat(texts("服务站")).containsExactly("社区养老服务站只有一个工作人员");
        assertThat(texts("垃圾分类")).containsExactly("垃圾分类的桶太远");
        assertThat(texts("分类桶")).isEmpty();
    }

    @Test
    void findsDigitsLatinAndSingleCharacters() {
        add("3号楼电梯坏了");
        add("13号楼门口积水");
        add("打12345热线没人接");
        add("小区WiFi信号差");
        assertThat(texts("3号楼")).containsExactlyInAnyOrder("3号楼电梯坏了", "13号楼门口积水");
        assertThat(texts("13号")).containsExactly("13号楼门口积水");
        assertThat(texts("12345热线")).containsExactly("打12345热线没人接");
        assertThat(texts("2345")).containsExactly("打12345热线没人接");
        assertThat(texts("wifi")).containsExactly("小区WiFi信号差");
        assertThat(texts("WIFI")).containsExactly("小区WiFi信号差");
        assertThat(texts("梯")).containsExactly("3号楼电梯坏了");
        assertThat(texts("3")).containsExactlyInAnyOrder("3号楼电梯坏了", "13号楼门口积水", "打12345热线没人接");
    }

    @Test
    void noFalsePositivesFromBigramsSpreadOverTheText() {
        add("养老院和老年活动中心");
        add("养老,年底前办好");
        add("建议办好养老年金");
        assertThat(texts("养老年")).containsExactly("建议办好养老年金");
        assertThat(texts("老年")).containsExactlyInAnyOrder("养老院和老年活动中心", "建议办好养老年金");
        assertThat(texts("养老 年")).isEmpty();
    }

    @Test
    void operatorsAndQuotesInQueriesAreJustText() {
        add("他说\"路灯坏了\"(已经一个月)");
        add("NEAR AND OR NOT 都不是命令");
        add("价格*2 - 折扣");
        for (String q : List.of("\"", "\"路灯", "*", "AND", "NEAR", "-", "(", ")", "\"*AND(", "NEAR(a b)", "'",
                "路灯\" OR \"x", "a:b", "^", "{bi}:x")) {
            List<String> expected = new ArrayList<>();
            for (String t : List.of("他说\"路灯坏了\"(已经一个月)", "NEAR AND OR NOT 都不是命令", "价格*2 - 折扣")) {
                if (t.toLowerCase().contains(q.toLowerCase())) {
                    expected.add(t);
                }
            }
            assertThat(texts(q)).as(q).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void resultsAreExactlyTheTextsContainingTheQuery() {
        Random r = new Random(7);
        String alphabet = "养老院年服务社区小区电梯路灯噪音夜市3号楼12AbC,。 ";
        List<String> stored = new ArrayList<>();
        List<Opinion> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 5 + r.nextInt(25); k > 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            stored.add(sb.toString());
            batch.add(new Opinion(UUID.randomUUID(), null, "GS-001", LocalDateTime.of(2023, 1, 1, 9, 0), Channel.VISIT,
                    new Constituent(null, null, null, false), null, sb.toString(), List.of(), Status.RECORDED, now,
                    now, 1, false));
        }
        // half indexed at once, half saved one at a time and still waiting for the index: both found exactly
        opinions.createAll(batch.subList(0, 200), "test");
        for (Opinion o : batch.subList(200, 400)) {
            opinions.create(o, "test");
        }
        assertThat(search.pendingCount()).isEqualTo(200);
        for (int i = 0; i < 300; i++) {
            String q;
            if (i % 2 == 0) {
                String t = stored.get(r.nextInt(stored.size()));
                int from = r.nextInt(t.length());
                q = t.substring(from, Math.min(t.length(), from + 1 + r.nextInt(4)));
            } else {
                q = "" + alphabet.charAt(r.nextInt(alphabet.length())) + alphabet.charAt(r.nextInt(alphabet.length()))
                        + alphabet.charAt(r.nextInt(alphabet.length()));
            }
            if (q.isBlank()) {
                continue;
            }
            String folded = SearchText.fold(q);
            List<String> expected = stored.stream().filter(t -> SearchText.fold(t).contains(folded)).toList();
            assertThat(texts(q)).as("query [%s]", q).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(opinions.count(OpinionFilter.ALL.withTextContains(q))).as("list --query [%s]", q)
                    .isEqualTo(expected.size());
        }
    }

    /**
     * Residents' own words quoted in public sources (the tagger's real-tune and real-heldout sets, each line with its
     * source), half saved one at a time and still waiting for the index, half indexed: every word of two to four
     * characters cut from them finds exactly the texts containing it, before and after the waiting ones are indexed.
     */
    @Test
    void realResidentsWordsAreFoundExactlyWhetherWaitingOrIndexed() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> stored = new ArrayList<>();
        for (String set : List.of("real-tune.jsonl", "real-heldout.jsonl")) {
            String lines = new String(getClass().getResourceAsStream("/org/liaisondesk/tagging/" + set).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String line : lines.split("\n")) {
                if (!line.isBlank()) {
                    stored.add(json.readTree(line).get("text").asText());
                }
            }
        }
        assertThat(stored).hasSizeGreaterThan(300);
        List<Opinion> indexedAtOnce = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 1; i < stored.size(); i += 2) {
            indexedAtOnce.add(new Opinion(UUID.randomUUID(), null, "GS-001", LocalDateTime.of(2024, 1, 1, 9, 0),
                    Channel.VISIT, new Constituent(null, null, null, false), null, stored.get(i), List.of(),
                    Status.RECORDED, now, now, 1, false));
        }
        opinions.createAll(indexedAtOnce, "test"); // first: a bulk write also indexes whatever waits before it
        for (int i = 0; i < stored.size(); i += 2) {
            addWaiting(stored.get(i), "GS-001", Channel.VISIT, LocalDate.of(2024, 1, 1));
        }
        Random r = new Random(11);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String t = stored.get(r.nextInt(stored.size()));
            int from = r.nextInt(Math.max(1, t.length() - 1));
            queries.add(t.substring(from, Math.min(t.length(), from + 2 + r.nextInt(3))));
        }
        for (boolean indexedAll : List.of(false, true)) {
            if (indexedAll) {
                assertThat(search.indexPending()).isEqualTo((stored.size() + 1) / 2);
            }
            for (String q : queries) {
                String folded = SearchText.fold(q);
                List<String> expected = stored.stream().filter(t -> SearchText.fold(t).contains(folded)).toList();
                assertThat(texts(q)).as("query [%s], all indexed: %s", q, indexedAll)
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(opinions.count(OpinionFilter.ALL.withTextContains(q))).as("list --query [%s]", q)
                        .isEqualTo(expected.size());
            }
        }
    }

    @Test
    void combinesWithTheListFilters() {
        add("养老服务站人手不够", "GS-001", Channel.VISIT, LocalDate.of(2023, 5, 1));
        add("养老食堂太贵", "GS-002", Channel.PHONE, LocalDate.of(2023, 6, 1));
        Opinion closed = add("养老床位太少", "GS-002", Channel.VISIT, LocalDate.of(2023, 7, 1));
        opinions.update(new Opinion(closed.id(), closed.number(), closed.station(), closed.receivedAt(),
                closed.channel(), closed.constituent(), null, closed.text(), List.of(), Status.CLOSED,
                closed.createdAt(), closed.updatedAt(), closed.revision(), false), closed.revision(), "test", "close");
        assertThat(texts("养老", OpinionFilter.ALL.withStation("GS-002"))).containsExactlyInAnyOrder("养老食堂太贵",
                "养老床位太少");
        assertThat(texts("养老", OpinionFilter.ALL.withChannel(Channel.PHONE))).containsExactly("养老食堂太贵");
        assertThat(texts("养老", OpinionFilter.ALL.withReceived(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30))))
                .containsExactly("养老食堂太贵");
        assertThat(texts("养老", OpinionFilter.ALL.withStatus(Status.CLOSED))).containsExactly("养老床位太少");
        // Filters that select no opinion at all (answered from the running counts, without reading the index).
        assertThat(texts("养老", OpinionFilter.ALL.withStatus(Status.EXPORTED))).isEmpty();
        assertThat(texts("养老", OpinionFilter.ALL.withStation("GS-009"))).isEmpty();
        assertThat(texts("养老", OpinionFilter.ALL.withStatus(Status.CLOSED).withChannel(Channel.PHONE))).isEmpty();
        List<String> newestFirst = new ArrayList<>();
        opinions.forEach(OpinionFilter.ALL.withTextContains("养老").withStation("GS-002"), OpinionSort.NEWEST_FIRST, 0,
                o -> newestFirst.add(o.text()));
        assertThat(newestFirst).containsExactly("养老床位太少", "养老食堂太贵");
    }

    @Test
    void followsEditsDeletesAndRestores() {
        Opinion o = add("小区噪音扰民");
        assertThat(texts("噪音")).hasSize(1);
        Opinion edited = opinions.update(new Opinion(o.id(), o.number(), o.station(), o.receivedAt(), o.channel(),
                o.constituent(), null, "小区路灯坏了", List.of(), o.status(), o.createdAt(), o.updatedAt(),
                o.revision(), false), o.revision(), "test", "edit").orElseThrow();
        assertThat(texts("噪音")).isEmpty();
        assertThat(texts("路灯")).hasSize(1);
        opinions.setDeleted(o.id(), true, "test");
        assertThat(texts("路灯")).isEmpty();
        assertThat(texts("路灯", OpinionFilter.ALL.withDeleted(true))).containsExactly(edited.text());
        opinions.setDeleted(o.id(), false, "test");
        assertThat(texts("路灯")).containsExactly("小区路灯坏了");
    }

    @Test
    void anOpinionWaitingForTheIndexIsFoundAndFollowsEditsAndDeletes() {
        Opinion indexed = add("路灯坏了三天");
        Opinion waiting = addWaiting("小区噪音扰民,路灯也不亮", "GS-001", Channel.VISIT, LocalDate.of(2023, 6, 1));
        assertThat(search.pendingCount()).isEqualTo(1);
        // the one saved a moment ago comes first; both are found, by search and by the list's text filter alike
        assertThat(texts("路灯")).containsExactly(waiting.text(), indexed.text());
        assertThat(search.search("路灯", OpinionFilter.ALL, 1, 1)).extracting(Opinion::text)
                .containsExactly(indexed.text());
        assertThat(opinions.count(OpinionFilter.ALL.withTextContains("噪音"))).isEqualTo(1);
        assertThat(texts("噪音", OpinionFilter.ALL.withChannel(Channel.PHONE))).isEmpty();

        opinions.update(new Opinion(waiting.id(), waiting.number(), waiting.station(), waiting.receivedAt(),
                waiting.channel(), waiting.constituent(), null, "菜市场门口乱停车", List.of(), waiting.status(),
                waiting.createdAt(), waiting.updatedAt(), waiting.revision(), false), waiting.revision(), "test",
                "edit").orElseThrow();
        // an edit indexes a waiting opinion at once, as it is now, and numbers the change for those who follow them
        assertThat(search.pendingCount()).isZero();
        assertThat(search.indexPending()).isZero();
        assertThat(texts("噪音")).isEmpty();
        assertThat(texts("停车")).containsExactly("菜市场门口乱停车");
        assertThat(texts("路灯")).containsExactly(indexed.text());

        Opinion binned = addWaiting("公园厕所没有灯", "GS-001", Channel.VISIT, LocalDate.of(2023, 6, 2));
        opinions.setDeleted(binned.id(), true, "test");
        assertThat(texts("厕所")).isEmpty();
        assertThat(texts("厕所", OpinionFilter.ALL.withDeleted(true))).containsExactly(binned.text());
        assertThat(search.pendingCount()).isZero();

        Opinion erased = addWaiting("垃圾站臭味大", "GS-001", Channel.VISIT, LocalDate.of(2023, 6, 2));
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM opinion WHERE id = '" + erased.id() + "'");
            }
        });
        assertThat(search.pendingCount()).isZero();
        assertThat(texts("臭味")).isEmpty();
        assertThat(search.indexPending()).isZero();
    }

    @Test
    void ranksTheMostRelevantFirstAndPages() {
        add("关于停车的意见,顺便提一下电梯");
        add("电梯电梯电梯,电梯又坏了");
        add("电梯坏了");
        List<String> ranked = texts("电梯");
        assertThat(ranked.get(0)).isEqualTo("电梯电梯电梯,电梯又坏了");
        assertThat(ranked.get(2)).isEqualTo("关于停车的意见,顺便提一下电梯");
        assertThat(search.search("电梯", OpinionFilter.ALL, 1, 1)).extracting(Opinion::text)
                .containsExactly(ranked.get(1));
    }

    @Test
    void aWordInMoreOpinionsThanAreRankedStillFindsEachExactlyOnce() {
        int n = SearchRepository.RANK_WINDOW + 30;
        List<Opinion> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            String text = (i % 7 == 0 ? "希望希望" : "希望") + "第" + i + "条" + (i % 2 == 0 ? "" : ",另外说一句");
            batch.add(new Opinion(UUID.randomUUID(), null, i % 3 == 0 ? "GS-002" : "GS-001",
                    LocalDateTime.of(2023, 1, 1, 9, 0), Channel.VISIT, new Constituent(null, null, null, false), null,
                    text, List.of(), Status.RECORDED, now, now, 1, false));
        }
        opinions.createAll(batch, "test");
        List<Opinion> all = search.search("希望", OpinionFilter.ALL, 0, 0);
        assertThat(all).hasSize(n);
        assertThat(all.stream().map(Opinion::id).distinct()).hasSize(n);
        List<Opinion> acrossTheSplit = search.search("希望", OpinionFilter.ALL, SearchRepository.RANK_WINDOW - 10, 20);
        assertThat(acrossTheSplit).extracting(Opinion::id).containsExactlyElementsOf(all.subList(
                SearchRepository.RANK_WINDOW - 10, SearchRepository.RANK_WINDOW + 10).stream().map(Opinion::id)
                .toList());
        assertThat(search.search("希望", OpinionFilter.ALL.withStation("GS-002"), 0, 0)).hasSize((n + 2) / 3);
    }

    @Test
    void migrationBackFillsTheIndexForExistingOpinions() throws Exception {
        db.close();
        Path old = dir.resolve("old.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
             Statement st = c.createStatement()) {
            Migrations.migrateTo(c, 3);
            st.execute("INSERT INTO opinion (id, number, station, received_at, channel, text, status, created_at, "
                    + "updated_at) VALUES ('" + java.util.UUID.randomUUID() + "', 'GS-1-2023-000001', 'GS-1', "
                    + "'2023-01-01T09:00', 'visit', '既有的养老意见', 'recorded', '2023-01-01T01:00:00Z', "
                    + "'2023-01-01T01:00:00Z')");
        }
        db = Database.open(old);
        search = new SearchRepository(db);
        opinions = new OpinionRepository(db);
        assertThat(texts("养老")).containsExactly("既有的养老意见");
        add("新的养老意见");
        assertThat(texts("养老")).hasSize(2);
    }

    @Test
    void streamsChangesForTheSimilarityIndex() {
        Opinion a = add("第一条");
        add("第二条");
        List<String> seen = new ArrayList<>();
        long mark = search.changesSince(0, t -> seen.add(t.text()));
        assertThat(seen).containsExactly("第一条", "第二条");
        // saved a moment ago and not yet numbered: handed over on every call until it is
        addWaiting("第三条", "GS-001", Channel.VISIT, LocalDate.of(2023, 5, 2));
        List<String> waiting = new ArrayList<>();
        assertThat(search.changesSince(mark, t -> waiting.add(t.text()))).isEqualTo(mark);
        assertThat(waiting).containsExactly("第三条");
        search.indexPending();
        waiting.clear();
        mark = search.changesSince(mark, t -> waiting.add(t.text()));
        assertThat(waiting).containsExactly("第三条");
        waiting.clear();
        assertThat(search.changesSince(mark, t -> waiting.add(t.text()))).isEqualTo(mark);
        assertThat(waiting).isEmpty();
        opinions.setDeleted(a.id(), true, "test");
        List<Boolean> deleted = new ArrayList<>();
        assertThat(search.changesSince(mark, t -> deleted.add(t.deleted()))).isGreaterThan(mark);
        assertThat(deleted).containsExactly(true);
    }

    @Test
    void aDatabaseWithoutTheProgramsFunctionsCannotChangeTexts() {
        Opinion indexed = add("路灯坏了");
        assertThatThrownBy(() -> {
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.file());
                 Statement st = c.createStatement()) {
                st.execute("UPDATE opinion SET text = '路灯修好了' WHERE id = '" + indexed.id() + "'");
            }
        }).hasMessageContaining("search_bigrams");
    }

    @Test
    void anOpinionAddedWithoutTheProgramsFunctionsWaitsAndIsIndexedByTheProgram() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.file());
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO opinion (id, number, station, received_at, channel, text, status, "
                    + "created_at, updated_at) VALUES ('" + UUID.randomUUID() + "', 'n', 's', '2023-01-01T09:00', "
                    + "'visit', '桥面有坑', 'recorded', '2023-01-01T09:00:00Z', '2023-01-01T09:00:00Z')");
        }
        assertThat(texts("桥面")).containsExactly("桥面有坑");
        assertThat(search.indexPending()).isEqualTo(1);
        assertThat(texts("桥面")).containsExactly("桥面有坑");
    }
}

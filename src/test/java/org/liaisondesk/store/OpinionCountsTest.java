package org.liaisondesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisondesk.store.OpinionRepositoryTest.opinion;
import static org.liaisondesk.store.OpinionRepositoryTest.tag;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Status;

/** The running counts (V008) agree with counting the rows after every kind of change. */
class OpinionCountsTest {

    @TempDir
    Path dir;

    @Test
    void countsStayInStepWithTheRowsThroughCreateEditDeleteAndRestore() {
        try (Database db = Database.open(dir.resolve("counts.db"))) {
            OpinionRepository repo = new OpinionRepository(db);
            List<Opinion> many = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                AreaTag[] tags = i % 7 == 0 ? new AreaTag[0] : new AreaTag[] {tag(1 + i % 6, true)};
                many.add(opinion(i % 3 == 0 ? "GS-1" : "GS-2", LocalDateTime.parse("2023-04-01T10:00").plusDays(i),
                        "意见" + i, tags));
            }
            repo.createAll(many, "clerk");
            Opinion single = repo.create(opinion("GS-3", LocalDateTime.parse("2024-01-02T09:00"), "路灯坏了",
                    tag(4, true)), "clerk");
            assertAgrees(db, repo);

            Opinion e = repo.find(many.get(1).id()).orElseThrow();
            repo.update(new Opinion(e.id(), e.number(), e.station(), e.receivedAt(), Channel.PHONE, e.constituent(),
                    e.receivedBy(), e.text(), List.of(), Status.REVIEWED, e.createdAt(), e.updatedAt(), e.revision(),
                    false), e.revision(), "clerk", "edit").orElseThrow();
            repo.setDeleted(single.id(), true, "clerk");
            repo.setDeleted(many.get(2).id(), true, "clerk");
            repo.setDeleted(many.get(2).id(), false, "clerk");
            assertAgrees(db, repo);
            assertThat(repo.count(OpinionFilter.ALL.withTextContains("意见1"))).isEqualTo(11);
            assertThat(repo.count(OpinionFilter.ALL)).isEqualTo(60);
            assertThat(repo.page(OpinionFilter.ALL.withDeleted(true), OpinionSort.NEWEST_FIRST, 0, 10).total())
                    .isEqualTo(1);
        }
    }

    /**
     * Issue #15: the export moves the running counts set-based (its per-row trigger stands aside); recorded and
     * reviewed opinions, some in the recycle bin, some without an area, all count as exported afterwards.
     */
    @Test
    void countsStayInStepThroughAnExport() throws Exception {
        try (org.liaisondesk.app.AppContext ctx = org.liaisondesk.app.AppContext.open(dir.resolve("station.db"),
                org.liaisondesk.i18n.Messages.forLanguage("zh"))) {
            ctx.stations().initialize("GS-1", "一站", org.liaisondesk.model.StationMode.STATION, "clerk");
            List<Opinion> many = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AreaTag[] tags = i % 5 == 0 ? new AreaTag[0] : new AreaTag[] {tag(1 + i % 6, true)};
                many.add(opinion("GS-1", LocalDateTime.parse("2023-04-01T10:00").plusDays(i), "意见" + i, tags));
            }
            OpinionRepository repo = ctx.opinions();
            repo.createAll(many, "clerk");
            for (int i = 0; i < 40; i += 4) {
                Opinion o = repo.find(many.get(i).id()).orElseThrow();
                ctx.reviews().review(o.id(), o.revision(), new org.liaisondesk.service.ReviewService.Decision(
                        List.of(), "请街道答复", org.liaisondesk.model.Priority.URGENT,
                        org.liaisondesk.model.Handling.STREET, null), "王代表");
            }
            repo.setDeleted(many.get(3).id(), true, "clerk");
            java.nio.file.Files.createDirectories(dir.resolve("out"));
            assertThat(ctx.exports().export(dir.resolve("out"), "clerk")).isPresent();

            assertThat(repo.count(OpinionFilter.ALL.withStatus(Status.EXPORTED))).isEqualTo(39);
            assertThat(repo.count(OpinionFilter.ALL.withDeleted(true).withStatus(Status.EXPORTED))).isEqualTo(1);
            assertAgrees(ctx.database(), repo);
        }
    }

    static void assertAgrees(Database db, OpinionRepository repo) {
        List<OpinionFilter> filters = new ArrayList<>();
        for (boolean deleted : new boolean[] {false, true}) {
            OpinionFilter base = OpinionFilter.ALL.withDeleted(deleted);
            filters.add(base);
            filters.add(base.withStatus(Status.RECORDED));
            filters.add(base.withStatus(Status.REVIEWED));
            filters.add(base.withStatus(Status.EXPORTED));
            filters.add(base.withChannel(Channel.PHONE));
            filters.add(base.withStation("GS-1"));
            filters.add(base.withStation("GS-3"));
            for (int area = 0; area <= 6; area++) {
                filters.add(base.withArea(area));
                filters.add(base.withArea(area).withStation("GS-2").withChannel(Channel.VISIT));
            }
        }
        for (OpinionFilter f : filters) {
            assertThat(SqlFilter.overCounts(f)).as("uses the counts: %s", f).isPresent();
            assertThat(repo.count(f)).as(f.toString()).isEqualTo(countRows(db, f));
        }
        OpinionFilter byText = OpinionFilter.ALL.withTextContains("意见1");
        assertThat(SqlFilter.overCounts(byText)).isEmpty();
        assertThat(repo.count(byText)).isEqualTo(countRows(db, byText));
    }

    private static long countRows(Database db, OpinionFilter f) {
        SqlFilter where = SqlFilter.of(f);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM opinion" + where.sql())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}

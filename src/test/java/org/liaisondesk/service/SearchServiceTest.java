package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Status;
import org.liaisondesk.search.SearchText;
import org.liaisondesk.search.SimilarityIndex;

class SearchServiceTest {

    @TempDir
    Path dir;

    private AppContext ctx;
    private SearchService service;

    @BeforeEach
    void open() {
        ctx = AppContext.open(dir.resolve("t.db"), Messages.forLanguage("zh"));
        service = ctx.searchService();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private UUID add(String text, String station) {
        Instant now = Instant.now();
        return ctx.opinions().create(new Opinion(UUID.randomUUID(), null, station, LocalDateTime.of(2023, 5, 1, 9, 0),
                Channel.VISIT, new Constituent(null, null, null, false), null, text, List.of(), Status.RECORDED, now,
                now, 1, false), "test").id();
    }

    @Test
    void hitsCarryTheSpansToHighlight() {
        add("养老服务站和养老食堂", "GS-001");
        List<SearchService.Hit> hits = service.search(" 养老 ", OpinionFilter.ALL, 0, 50);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).spans()).containsExactly(new SearchText.Span(0, 2), new SearchText.Span(6, 8));
        assertThatThrownBy(() -> service.search("  ", OpinionFilter.ALL, 0, 50))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("search.error.emptyQuery");
    }

    @Test
    void similarFollowsNewDeletedAndEditedOpinions() {
        UUID first = add("幸福小区3号楼门口的路灯坏了一个多月,晚上出门黑乎乎的,请尽快修好。", "GS-001");
        add("夜市的油烟和噪音扰民,周边居民晚上无法入睡。", "GS-001");
        assertThat(service.similarTo("幸福小区3号楼前面那盏路灯一直不亮,一个多月了", 5))
                .extracting(SimilarityIndex.Match::id).containsExactly(first);
        UUID second = add("幸福小区3号楼前面那盏路灯一直不亮,已经一个多月了,希望派人来修。", "GS-002");
        assertThat(service.similarTo(first, 5)).extracting(SimilarityIndex.Match::id).containsExactly(second);
        ctx.opinionService().delete(second, "test");
        assertThat(service.similarTo(first, 5)).isEmpty();
        assertThatThrownBy(() -> service.similarTo(UUID.randomUUID(), 5)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void clustersGroupNearDuplicatesAndLinksAcrossStations() {
        UUID a = add("幸福小区3号楼门口的路灯坏了一个多月,晚上出门黑乎乎的,请尽快修好。", "GS-001");
        UUID b = add("幸福小区3号楼前面那盏路灯一直不亮,已经一个多月了,老人晚上出门很不安全,希望派人来修。", "GS-002");
        UUID c = add("夜市的油烟和噪音扰民,周边居民晚上无法入睡。", "GS-001");
        UUID d = add("建议夜市增加公共厕所和垃圾桶,现在游客多了卫生跟不上。", "GS-003");
        List<SearchService.Cluster> clusters = service.clusters(OpinionFilter.ALL, 2);
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).opinions()).containsExactlyInAnyOrder(a, b);
        assertThat(clusters.get(0).stations()).containsExactly("GS-001", "GS-002");

        assertThat(service.link(d, c, "clerk")).containsExactlyInAnyOrder(c, d);
        assertThat(service.clusters(OpinionFilter.ALL, 2)).hasSize(2);
        assertThat(service.clusters(OpinionFilter.ALL.withStation("GS-001"), 2)).isEmpty();
        assertThat(service.clusters(OpinionFilter.ALL, 3)).isEmpty();
    }

    @Test
    void linksMergeMattersAndUnlinkLeavesTheRestTogether() {
        UUID a = add("一", "GS-001");
        UUID b = add("二", "GS-001");
        UUID c = add("三", "GS-001");
        UUID d = add("四", "GS-001");
        service.link(b, a, "clerk");
        service.link(d, c, "clerk");
        assertThat(service.link(c, a, "clerk")).containsExactlyInAnyOrder(a, b, c, d);
        assertThat(service.sameMatter(d)).containsExactlyInAnyOrder(a, b, c, d);
        service.unlink(a, "clerk");
        assertThat(service.sameMatter(a)).containsExactly(a);
        assertThat(service.sameMatter(b)).containsExactlyInAnyOrder(b, c, d);
        service.unlink(b, "clerk");
        service.unlink(c, "clerk");
        assertThat(service.sameMatter(d)).containsExactly(d);
        assertThatThrownBy(() -> service.unlink(d, "clerk")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> service.link(a, a, "clerk")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> service.link(a, UUID.randomUUID(), "clerk"))
                .isInstanceOf(UserFacingException.class);
    }
}

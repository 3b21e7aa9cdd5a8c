package org.liaisondesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimilarityIndexTest {

    private final UUID lamp = UUID.randomUUID();
    private final UUID lampAgain = UUID.randomUUID();
    private final UUID parking = UUID.randomUUID();
    private final UUID noise = UUID.randomUUID();

    private SimilarityIndex index() {
        SimilarityIndex index = new SimilarityIndex();
        index.put(lamp, "幸福小区3号楼门口的路灯坏了一个多月,晚上出门黑乎乎的,请尽快修好。");
        index.put(lampAgain, "幸福小区3号楼前面那盏路灯一直不亮,已经一个多月了,希望派人来修。");
        index.put(parking, "小区停车位太少,晚上回来车停不进去,只好停在马路边。");
        index.put(noise, "夜市的油烟和噪音扰民,周边居民晚上无法入睡。");
        return index;
    }

    @Test
    void findsTheSameMatterFirstAndLeavesItselfOut() {
        SimilarityIndex index = index();
        List<SimilarityIndex.Match> found = index.similarTo(lamp, 3, 0.0);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).id()).isEqualTo(lampAgain);
        assertThat(found).extracting(SimilarityIndex.Match::id).doesNotContain(lamp);
        assertThat(index.similarTo("3号楼门口路灯坏了", 1, 0.3)).extracting(SimilarityIndex.Match::id)
                .containsAnyOf(lamp, lampAgain);
        assertThat(index.similarTo("。。。", 5, 0.0)).isEmpty();
    }

    @Test
    void followsReplacementAndRemoval() {
        SimilarityIndex index = index();
        index.put(lampAgain, "夜市噪音油烟扰民,居民晚上睡不着。");
        assertThat(index.similarTo(noise, 1, 0.3)).extracting(SimilarityIndex.Match::id).containsExactly(lampAgain);
        index.remove(lampAgain);
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.similarTo(noise, 5, 0.3)).extracting(SimilarityIndex.Match::id).doesNotContain(lampAgain);
        for (int i = 0; i < 3000; i++) {
            UUID id = UUID.randomUUID();
            index.put(id, "临时意见" + i);
            index.remove(id);
        }
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.score(lamp, parking)).isLessThan(0.35);
    }

    @Test
    void groupsNearDuplicatesAndLinkedOpinions() {
        SimilarityIndex index = index();
        assertThat(index.groups(0.35, Map.of())).containsExactly(List.of(lamp, lampAgain));
        assertThat(index.groups(0.35, Map.of(noise, parking, parking, parking))).containsExactlyInAnyOrder(
                List.of(lamp, lampAgain), List.of(parking, noise));
    }

    /**
     * Residents phrase different matters alike ("文化礼堂修得挺漂亮" about two villages); groups must stay matters, not
     * chains through look-alike wording across thousands of opinions.
     */
    @Test
    void groupsOfGeneratedOpinionsStayTheSizeOfAMatter() {
        SimilarityIndex index = new SimilarityIndex();
        new org.liaisondesk.generate.OpinionGenerator(11, 3).stream(3000)
                .forEach(g -> index.put(UUID.randomUUID(), g.input().text()));
        List<List<UUID>> groups = index.groups(0.35, java.util.Map.of());
        assertThat(groups).isNotEmpty();
        assertThat(groups.get(0).size()).as("largest group").isLessThan(60);
    }
}

package org.liaisondesk.tagging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynonymListTest {

    @Test
    void defaultListIsGenerousAndResolvesAgainstTheReport() {
        SynonymList list = SynonymList.loadDefault();
        Taxonomy taxonomy = Taxonomy.loadDefault();
        long phrases = list.entries().stream().mapToLong(e -> e.phrases().size()).sum();
        assertThat(phrases).isGreaterThan(1000);
        assertThat(list.unresolvedKeys(taxonomy)).isEmpty();
        var resolved = list.resolve(taxonomy);
        for (int area = 1; area <= 6; area++) {
            int a = area;
            assertThat(resolved.keySet()).anyMatch(id -> id.startsWith(a + "."));
        }
        assertThat(resolved.get("4.13")).contains("老人", "托管");
        assertThat(resolved.get("4.03")).contains("村道");
    }

    @Test
    void parseFormatRoundTrip() {
        SynonymList list = SynonymList.parse("""
                # a comment
                居家养老\t老人没人照顾、独居老人, 助餐,送餐

                4.03\t村道
                """);
        assertThat(list.entries()).containsExactly(
                new SynonymList.Entry("居家养老", List.of("老人没人照顾", "独居老人", "助餐", "送餐")),
                new SynonymList.Entry("4.03", List.of("村道")));
        assertThat(list.format()).startsWith("#").contains("居家养老\t老人没人照顾、独居老人、助餐、送餐\n");
        assertThat(SynonymList.parse(list.format())).isEqualTo(list);
        SynonymList bundled = SynonymList.loadDefault();
        assertThat(SynonymList.parse(bundled.format())).isEqualTo(bundled);
    }

    @Test
    void saveAndLoadAnEditedCopy(@TempDir Path dir) throws Exception {
        SynonymList edited = new SynonymList(List.of(new SynonymList.Entry("托育", List.of("孩子没地方托管"))));
        Path file = dir.resolve("settings/synonyms.tsv");
        edited.save(file);
        assertThat(SynonymList.load(file)).isEqualTo(edited);
        assertThat(dir.resolve("settings")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void keysMatchClauseWordsOrIdsAndUnknownKeysAreReported() {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        SynonymList list = SynonymList.parse("养老\t老人\n9.99\t无\n火星基地\t飞船\n");
        var resolved = list.resolve(taxonomy);
        assertThat(resolved).containsKeys("4.13", "4.14");
        assertThat(list.unresolvedKeys(taxonomy)).containsExactly("9.99", "火星基地");
    }

    @Test
    void malformedLinesNameTheLine() {
        assertThatThrownBy(() -> SynonymList.parse("# header\n居家养老 老人\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> SynonymList.parse("居家养老\t、,\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }
}

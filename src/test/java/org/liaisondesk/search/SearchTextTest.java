package org.liaisondesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void bigramsOverlapWithinRunsOfLettersAndDigitsOnly() {
        assertThat(SearchText.bigrams("3号楼电梯坏了,WiFi")).isEqualTo("3号 号楼 楼电 电梯 梯坏 坏了 wi if fi");
        assertThat(SearchText.characters("养老,养老院")).isEqualTo("养 老 院");
        assertThat(SearchText.bigrams("。。!")).isEmpty();
    }

    @Test
    void queryBecomesQuotedPhrasesSoOperatorsStayText() {
        assertThat(SearchText.matchExpression("养老院")).contains("bi : \"养老 老院\"");
        assertThat(SearchText.matchExpression("老")).contains("ch : \"老\"");
        assertThat(SearchText.matchExpression("\"a\" AND (b* NEAR c)")).contains(
                "ch : \"a\" AND bi : \"an nd\" AND ch : \"b\" AND bi : \"ne ea ar\" AND ch : \"c\"");
        assertThat(SearchText.matchExpression("\"*()-")).isEmpty();
    }

    @Test
    void spansAndHighlightFoldLatinCaseOnly() {
        assertThat(SearchText.spans("WiFi 和 wifi", "WIFI")).containsExactly(new SearchText.Span(0, 4),
                new SearchText.Span(7, 11));
        assertThat(SearchText.highlight("小区养老,养老院", "养老")).containsExactly(
                new SearchText.Piece("小区", false), new SearchText.Piece("养老", true),
                new SearchText.Piece(",", false), new SearchText.Piece("养老", true),
                new SearchText.Piece("院", false));
        assertThat(SearchText.highlight("没有", "养老")).isEqualTo(List.of(new SearchText.Piece("没有", false)));
    }
}

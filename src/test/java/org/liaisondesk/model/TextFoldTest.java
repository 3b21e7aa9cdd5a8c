package org.liaisondesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void foldsCompatibilityFormsAndLatinCaseCharacterForCharacter() {
        assertThat(TextFold.fold("３号楼")).isEqualTo("3号楼");
        assertThat(TextFold.fold("ＷｉＦｉ和WiFi")).isEqualTo("wifi和wifi");
        assertThat(TextFold.fold("路灯　不亮")).isEqualTo("路灯 不亮");
        assertThat(TextFold.fold("①号线")).isEqualTo("1号线");
        assertThat(TextFold.fold("面积㎡")).as("a character whose form is two characters stays").isEqualTo("面积㎡");
        assertThat(TextFold.fold("社区养老服务站")).isSameAs(TextFold.fold("社区养老服务站"));
        String mixed = "Ｔｅｌ：１３８";
        assertThat(TextFold.fold(mixed)).hasSameSizeAs(mixed).isEqualTo("tel:138");
    }

    @Test
    void saysWhichTextsTheOldAsciiFoldIndexedDifferently() {
        assertThat(TextFold.foldsBeyondAscii("ABC路灯不亮")).isFalse();
        assertThat(TextFold.foldsBeyondAscii("３号楼")).isTrue();
    }
}

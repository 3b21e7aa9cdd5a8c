package org.liaisondesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.liaisondesk.i18n.Messages;

/** The audit log reads in Chinese: actions, detail keys and values translated, unknown ones kept as written. */
class AuditTextTest {

    private final AuditText zh = new AuditText(Messages.forLanguage("zh"));

    @Test
    void anImportEntryReadsInChinese() {
        assertThat(zh.action("import")).isEqualTo("导入批次");
        assertThat(zh.detail("batch=7f3a station=GS-007 sequence=3 file=/media/u/b.json signedBy=none"))
                .isEqualTo("批次:7f3a 联络站:GS-007 序号:3 文件:/media/u/b.json 签名:无");
        assertThat(zh.detail("revision 4")).isEqualTo("第 4 版");
    }

    @Test
    void unknownCodesStayAsWrittenAndALineBreakCannotForgeARow() {
        assertThat(zh.action("something-new")).isEqualTo("something-new");
        assertThat(zh.detail("file=a\n2026-01-01 admin import")).doesNotContain("\n");
        assertThat(zh.detail(null)).isEmpty();
    }

    @Test
    void accountEntriesNameTheRoleNotItsCode() {
        assertThat(zh.detail("王强 clerk")).isEqualTo("王强 工作人员");
        assertThat(zh.detail("李代表 deputy")).isEqualTo("李代表 人大代表");
        assertThat(zh.detail("张丽 until 2026-12-05T10:15:00Z")).isEqualTo("张丽 锁定至 2026-12-05T10:15:00Z");
        assertThat(zh.detail("张丽 somethingelse")).as("not a role: as written").isEqualTo("张丽 somethingelse");
    }
}

package org.liaisondesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.service.ReplyTemplates;
import org.liaisondesk.ui.TestUi;

/** #13 in the window: the reply templates are edited and reset in the settings, as `templates` does. */
class TemplatesSectionModelTest {

    @TempDir
    Path dir;

    @Test
    void editsATemplateRefusesAnEmptyOneAndResetsIt() {
        try (TestUi t = new TestUi(dir.resolve("gs.db"))) {
            t.app.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "admin");
            ReplyTemplates templates = t.app.handling().templates();
            TemplatesSectionModel vm = new TemplatesSectionModel(t.ui, templates);
            vm.load();
            assertThat(vm.rows()).hasSize(5);
            assertThat(vm.selectedProperty().get().purpose()).isEqualTo("A 已解决:向群众的说明");

            vm.textProperty().set("您反映的路灯问题已经修好,感谢支持。");
            vm.save();
            assertThat(templates.text(ReplyTemplates.outcomeKey(org.liaisondesk.model.Outcome.A)))
                    .isEqualTo("您反映的路灯问题已经修好,感谢支持。");
            assertThat(vm.rows().get(0).edited()).isEqualTo("已修改");
            assertThat(vm.message().textProperty().get()).contains("已保存");

            vm.textProperty().set("   ");
            vm.save();
            assertThat(vm.message().problemProperty().get()).isTrue();
            assertThat(templates.text("outcome.A")).as("an empty text saves nothing")
                    .isEqualTo("您反映的路灯问题已经修好,感谢支持。");

            vm.reset();
            assertThat(templates.text("outcome.A")).startsWith("您反映的问题已经解决");
            assertThat(vm.textProperty().get()).startsWith("您反映的问题已经解决");
            assertThat(t.errors).isEmpty();
        }
    }
}

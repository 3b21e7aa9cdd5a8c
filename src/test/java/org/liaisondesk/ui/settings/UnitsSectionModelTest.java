package org.liaisondesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.ui.TestUi;

/**
 * #13 in the window: the general station keeps its 承办单位 registry in the settings (add, change by code, set
 * inactive), so a matter can be assigned without the command line. Runs on the calling thread (TestUi).
 */
class UnitsSectionModelTest {

    @TempDir
    Path dir;

    @Test
    void addsChangesAndRetiresAUnitAndSaysWhatIsWrongWithABadCode() {
        try (TestUi t = new TestUi(dir.resolve("gs.db"))) {
            t.app.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "admin");
            UnitsSectionModel vm = new UnitsSectionModel(t.ui, t.app.handling());
            vm.load();
            assertThat(vm.units()).isEmpty();

            vm.codeProperty().set("JD-01");
            vm.nameProperty().set("湖滨街道办事处");
            vm.kindProperty().set(HandlingUnit.Kind.STREET);
            vm.contactProperty().set("李科长 87000000");
            vm.save();
            assertThat(vm.message().textProperty().get()).isEqualTo("已保存承办单位 湖滨街道办事处(JD-01)。");
            assertThat(vm.units()).extracting(UnitsSectionModel.UnitRow::code, UnitsSectionModel.UnitRow::kind,
                    UnitsSectionModel.UnitRow::active).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("JD-01", "街道(乡镇)", "在用"));
            assertThat(vm.codeProperty().get()).as("the form is cleared for the next unit").isEmpty();

            vm.edit(vm.units().get(0));
            assertThat(vm.nameProperty().get()).isEqualTo("湖滨街道办事处");
            vm.activeProperty().set(false);
            vm.save();
            assertThat(t.app.handling().units()).singleElement().satisfies(u -> {
                assertThat(u.active()).isFalse();
                assertThat(u.contact()).isEqualTo("李科长 87000000");
            });

            vm.codeProperty().set("不合法 代码");
            vm.nameProperty().set("某单位");
            vm.save();
            assertThat(vm.message().problemProperty().get()).isTrue();
            assertThat(vm.message().textProperty().get()).contains("不合法 代码").doesNotContain("Exception");
            assertThat(t.app.handling().units()).hasSize(1);
            assertThat(t.errors).isEmpty();
        }
    }
}

package org.liaisondesk.ui.settings;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.ui.Choice;
import org.liaisondesk.ui.Dialogs;
import org.liaisondesk.ui.UiContext;

/** 个人信息: the export privacy choice and the retention period with 立即执行 (counted and confirmed first). */
public final class PrivacySection {

    private final Parent root;

    public PrivacySection(UiContext ui) {
        PrivacySectionModel vm = ui.services().privacy(ui);
        ComboBox<Choice<ExportPrivacy>> privacy = Choice.comboBox(Choice.of(null, List.of(ExportPrivacy.values()),
                p -> ui.text("exchange.privacy." + p.code())), vm.privacyProperty().get());
        privacy.setId("privacy-export");
        Spinner<Integer> years = new Spinner<>(1, 30, 3);
        years.setId("retention-years");
        years.setEditable(true);
        years.setPrefWidth(80);
        Button run = new Button(ui.text("settings.retention.run"));
        run.setId("retention-run");
        run.setOnAction(e -> vm.countDue(due -> {
            if (due == 0) {
                return;
            }
            Dialogs.confirm(run.getScene().getWindow(), ui.messages(), ui.text("settings.retention.confirm", due),
                    "settings.retention.run", "ui.cancel", vm::runRetention, () -> { });
        }));
        HBox privacyRow = new HBox(new Label(ui.text("settings.privacy.export")), privacy);
        privacyRow.getStyleClass().add("inline-fields");
        HBox retentionRow = new HBox(new Label(ui.text("settings.retention.years")), years,
                new Label(ui.text("settings.retention.unit")), run);
        retentionRow.getStyleClass().add("inline-fields");
        Label note = new Label(ui.text("settings.privacy.note"));
        note.getStyleClass().add("form-note");
        note.setWrapText(true);
        root = Sections.section("settings-privacy", privacyRow, retentionRow, note,
                Sections.note("privacy-message", vm.message()));
        // Listen only once the stored values are shown, so showing them saves nothing.
        vm.load(() -> {
            Choice.select(privacy, vm.privacyProperty().get());
            years.getValueFactory().setValue(vm.yearsProperty().get());
            privacy.valueProperty().addListener((o, old, now) -> {
                vm.privacyProperty().set(Choice.valueOf(privacy));
                vm.savePrivacy();
            });
            years.valueProperty().addListener((o, old, now) -> {
                vm.yearsProperty().set(now);
                vm.saveYears();
            });
        });
    }

    public Parent root() {
        return root;
    }
}

package org.liaisondesk.ui.settings;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.liaisondesk.ui.DateFields;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.settings.AuditSectionModel.AuditRow;

/** 审计日志: filters (action, actor, opinion, dates; Enter searches), the entries a page at a time. */
public final class AuditSection {

    private final Parent root;

    public AuditSection(UiContext ui) {
        AuditSectionModel vm = ui.services().audit(ui);
        TextField action = field("audit-action", ui.text("settings.audit.action"));
        action.textProperty().bindBidirectional(vm.actionProperty());
        TextField actor = field("audit-actor", ui.text("settings.audit.actor"));
        actor.textProperty().bindBidirectional(vm.actorProperty());
        TextField opinion = field("audit-opinion", ui.text("settings.audit.opinion"));
        opinion.textProperty().bindBidirectional(vm.opinionProperty());
        DatePicker from = DateFields.picker(ui, "audit-from", "settings.audit.from", vm.fromProperty());
        from.setPrefWidth(130);
        DatePicker to = DateFields.picker(ui, "audit-to", "settings.audit.to", vm.toProperty());
        to.setPrefWidth(130);
        Button search = new Button(ui.text("settings.audit.search"));
        search.setId("audit-search");
        search.setOnAction(e -> vm.search());
        for (TextField f : List.of(action, actor, opinion)) {
            f.setOnAction(e -> vm.search());
        }
        HBox filters = new HBox(action, actor, opinion, from, to, search);
        filters.getStyleClass().add("inline-fields");

        TableView<AuditRow> table = Sections.table("audit-table", vm.rows(),
                Sections.column(ui, "settings.audit.col.at", AuditRow::at, 160),
                Sections.column(ui, "settings.audit.col.actor", AuditRow::actor, 100),
                Sections.column(ui, "settings.audit.col.action", AuditRow::action, 110),
                Sections.column(ui, "settings.audit.col.opinion", AuditRow::opinion, 130),
                Sections.column(ui, "settings.audit.col.detail", AuditRow::detail, 360));
        Button previous = new Button(ui.text("settings.audit.previous"));
        previous.setId("audit-previous");
        previous.setOnAction(e -> vm.previous());
        Button next = new Button(ui.text("settings.audit.next"));
        next.setId("audit-next");
        next.setOnAction(e -> vm.next());
        Label page = new Label();
        page.setId("audit-page");
        page.textProperty().bind(vm.pageTextProperty());
        HBox paging = new HBox(previous, page, next);
        paging.getStyleClass().add("inline-fields");
        root = Sections.section("settings-audit", filters, table, paging);
        vm.search();
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(8);
        return f;
    }

    public Parent root() {
        return root;
    }
}

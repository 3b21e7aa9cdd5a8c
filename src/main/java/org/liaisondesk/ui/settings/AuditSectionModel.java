package org.liaisondesk.ui.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.model.AuditEntry;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.service.AuditService;
import org.liaisondesk.ui.UiContext;

/**
 * The audit log for administrators: newest first, {@value #PAGE} entries a page, filtered by action, actor and
 * opinion (in the database) and by date (while the entries stream past).
 */
public final class AuditSectionModel {

    public static final int PAGE = 50;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One log line as shown. */
    public record AuditRow(String at, String actor, String action, String opinion, String detail) {
    }

    /** One page and how many entries match in all. */
    private record Found(List<AuditRow> rows, int total) {
    }

    private final UiContext ui;
    private final AuditService audit;
    private final Clock clock;
    private final AuditText text;
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty opinion = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");

    public AuditSectionModel(UiContext ui, AuditService audit, Clock clock) {
        this.ui = ui;
        this.audit = audit;
        this.clock = clock;
        this.text = new AuditText(ui.messages());
    }

    public ObservableList<AuditRow> rows() {
        return rows;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty opinionProperty() {
        return opinion;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** From the first page with the current filter. */
    public void search() {
        page.set(0);
        load();
    }

    public void next() {
        if ((page.get() + 1) * PAGE < total.get()) {
            page.set(page.get() + 1);
            load();
        }
    }

    public void previous() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            load();
        }
    }

    private void load() {
        AuditQuery query = new AuditQuery(blankToNull(opinion.get()), blankToNull(actor.get()),
                blankToNull(action.get()), 0);
        LocalDate first = from.get();
        LocalDate last = to.get();
        int skip = page.get() * PAGE;
        ZoneId zone = clock.getZone();
        ui.background().run(() -> {
            List<AuditRow> found = new ArrayList<>();
            int[] count = {0};
            audit.forEach(query, e -> {
                LocalDateTime at = LocalDateTime.ofInstant(e.at(), zone);
                if ((first == null || !at.toLocalDate().isBefore(first))
                        && (last == null || !at.toLocalDate().isAfter(last))) {
                    if (count[0] >= skip && found.size() < PAGE) {
                        found.add(row(e, at));
                    }
                    count[0]++;
                }
            });
            return new Found(found, count[0]);
        }, f -> {
            rows.setAll(f.rows());
            total.set(f.total());
            int pages = Math.max(1, (f.total() + PAGE - 1) / PAGE);
            pageText.set(ui.text("settings.audit.page", page.get() + 1, pages, f.total()));
        });
    }

    private AuditRow row(AuditEntry e, LocalDateTime at) {
        return new AuditRow(AT.format(at), e.actor(), text.action(e.action()),
                e.opinionId() == null ? "" : e.opinionId(), text.detail(e.detail()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

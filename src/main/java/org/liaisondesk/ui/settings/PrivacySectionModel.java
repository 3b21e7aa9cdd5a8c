package org.liaisondesk.ui.settings;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.service.ContactPolicy;
import org.liaisondesk.service.RetentionService;
import org.liaisondesk.ui.UiContext;

/**
 * Personal data for administrators: what exported batches carry of residents' contact details, and how many years
 * after a closed opinion last changed they are erased; "立即执行" counts what is due first, erases after a yes.
 */
public final class PrivacySectionModel {

    private final UiContext ui;
    private final ContactPolicy contactPolicy;
    private final RetentionService retention;
    private final ObjectProperty<ExportPrivacy> privacy = new SimpleObjectProperty<>(ExportPrivacy.BY_CONSENT);
    private final IntegerProperty years = new SimpleIntegerProperty();
    private final SectionMessage message = new SectionMessage();

    public PrivacySectionModel(UiContext ui, ContactPolicy contactPolicy, RetentionService retention) {
        this.ui = ui;
        this.contactPolicy = contactPolicy;
        this.retention = retention;
    }

    public ObjectProperty<ExportPrivacy> privacyProperty() {
        return privacy;
    }

    public IntegerProperty yearsProperty() {
        return years;
    }

    SectionMessage message() {
        return message;
    }

    private record Current(ExportPrivacy privacy, int years) {
    }

    /** Reads the settings; {@code then} runs once the properties hold them. */
    public void load(Runnable then) {
        ui.background().run(() -> new Current(contactPolicy.exportPrivacy(), retention.years()),
                c -> {
                    privacy.set(c.privacy());
                    years.set(c.years());
                    then.run();
                });
    }

    public void savePrivacy() {
        ExportPrivacy chosen = privacy.get();
        act(() -> {
            contactPolicy.setExportPrivacy(chosen, ui.actor());
            return ui.text("exchange.privacy." + chosen.code());
        }, "settings.privacy.saved", text -> { });
    }

    public void saveYears() {
        int chosen = years.get();
        act(() -> {
            retention.setYears(chosen, ui.actor());
            return chosen;
        }, "settings.retention.saved", text -> { });
    }

    /** Counts what the retention run would erase; {@code then} gets the count (the view asks before erasing). */
    public void countDue(Consumer<Long> then) {
        act(() -> retention.due(), "settings.retention.due", then);
    }

    public void runRetention() {
        act(() -> retention.run(ui.actor()), "settings.retention.done", n -> ui.changes().fire());
    }

    private <T> void act(Callable<T> work, String doneKey, Consumer<T> then) {
        ui.background().run(work, result -> {
            if (doneKey != null) {
                message.done(ui.text(doneKey, result));
            }
            then.accept(result);
        }, error -> message.failed(error, ui.messages()));
    }
}

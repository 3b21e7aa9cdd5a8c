package org.liaisondesk.ui.handling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.HandlingStep;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.model.Rating;
import org.liaisondesk.model.Stage;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.Supervision;
import org.liaisondesk.service.ContactPolicy;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.service.OpinionQueries;
import org.liaisondesk.service.Permissions;
import org.liaisondesk.service.ReplyTemplates;
import org.liaisondesk.service.ReviewService;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.list.OpinionListViewModel;

/**
 * State of the handling screen (办理): the cases in handling (and the reviewed opinions waiting to be assigned) with
 * their unit, due date, stage and supervision colour; the overdue/due-soon filter; the call-back list (回访) of
 * replied cases whose residents agreed to be contacted; and the form of the action chosen (交办, 签收, 答复, 反馈群众,
 * 回访, 延期, 办结). All database work runs in the background through {@link HandlingService}.
 */
public final class HandlingViewModel {

    /** What the table shows. */
    public enum Show { ALL, WATCHED, CALLBACK }

    /** What the form under the table does. */
    public enum Action { ASSIGN, SIGN, REPLY, FEEDBACK, VISIT, EXTEND, CLOSE, RETURN, REJECT, SUGGEST }

    /** Where a matter not accepted is referred (不予受理 的引导渠道), as the service names them. */
    public static final List<String> REFERRALS = List.of("petition", "court", "other-dept");

    /** How many reviewed opinions waiting for assignment are listed at most. */
    static final int WAITING_SHOWN = 500;

    /** A row of the table. {@code resident} and {@code phone} are masked as the viewer's role requires. */
    public record Row(UUID id, String number, String excerpt, String unit, String due, String stage,
                      Supervision colour, String resident, String phone, String reply) {
    }

    private final UiContext ui;
    /** For the 交办单's title: the station as set up. */
    private final java.util.function.Supplier<String> stationName;
    private final HandlingService handling;
    private final OpinionQueries opinions;
    private final ReviewService reviews;
    private final Clock clock;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.ALL);
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Action> action = new SimpleObjectProperty<>();
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<HandlingUnit> units = FXCollections.observableArrayList();

    // the form's fields
    private final ObjectProperty<HandlingUnit> unit = new SimpleObjectProperty<>();
    private final StringProperty computedDue = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty signedBy = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty explanation = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> promised = new SimpleObjectProperty<>();
    private final ObjectProperty<Rating> rating = new SimpleObjectProperty<>();
    private final BooleanProperty wholeMatter = new SimpleBooleanProperty();
    private final StringProperty assisting = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<String> referral = new SimpleObjectProperty<>();
    private final StringProperty number = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    private final BooleanProperty historyShown = new SimpleBooleanProperty();

    private long generation;

    public HandlingViewModel(UiContext ui, HandlingService handling, OpinionQueries opinions, ReviewService reviews,
                             Clock clock, java.util.function.Supplier<String> stationName) {
        this.stationName = stationName;
        this.ui = ui;
        this.handling = handling;
        this.opinions = opinions;
        this.reviews = reviews;
        this.clock = clock;
        show.addListener((o, was, is) -> reload());
        selected.addListener((o, was, is) -> {
            detail.set(is == null ? "" : is.reply() == null || is.reply().isBlank() ? is.excerpt()
                    : ui.text("handling.ui.detail", is.excerpt(), is.reply()));
            cancel();
            loadHistory();
        });
        historyShown.addListener((o, was, is) -> loadHistory());
        unit.addListener((o, was, is) -> computeDue(is));
        outcome.addListener((o, was, is) -> {
            if (action.get() == Action.REPLY && is != null) {
                prefillTemplate(ReplyTemplates.outcomeKey(is), explanation);
            }
        });
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** The action whose form is open; null when none is. */
    public ReadOnlyObjectProperty<Action> actionProperty() {
        return action;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /** What the last save did ("意见 …:已答复,期限 …"). */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** "共 9 件": the rows shown. */
    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    /** The form's problem, shown in red beside it; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<HandlingUnit> units() {
        return units;
    }

    public ObjectProperty<HandlingUnit> unitProperty() {
        return unit;
    }

    /** "期限:2026-10-08(5 个工作日)", as the service will set it. */
    public ReadOnlyStringProperty computedDueProperty() {
        return computedDue;
    }

    /** The reply's text, the reason of an extension, or the note of a feedback or visit. */
    public StringProperty textProperty() {
        return text;
    }

    public StringProperty signedByProperty() {
        return signedBy;
    }

    /** The reply's date, or an extension's new due date. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty explanationProperty() {
        return explanation;
    }

    public ObjectProperty<LocalDate> promisedProperty() {
        return promised;
    }

    public ObjectProperty<Rating> ratingProperty() {
        return rating;
    }

    public BooleanProperty wholeMatterProperty() {
        return wholeMatter;
    }

    /** Assisting units (协办单位) of an assignment: their codes, separated by commas, 、 or spaces. */
    public StringProperty assistingProperty() {
        return assisting;
    }

    /** The file of a unit's written reply (答复函), attached to the reply; empty for none. */
    public StringProperty fileProperty() {
        return file;
    }

    public ObjectProperty<String> referralProperty() {
        return referral;
    }

    /** The number of the deputy's suggestion a matter became (转为代表建议). */
    public StringProperty numberProperty() {
        return number;
    }

    /** The selected case's history, oldest first, one line each; loaded while {@link #historyShownProperty()}. */
    public ObservableList<String> history() {
        return history;
    }

    public BooleanProperty historyShownProperty() {
        return historyShown;
    }

    public String referralText(String code) {
        return code == null ? "" : ui.text("handling.ui.referral." + code);
    }

    /** May this person change handling? Clerks, deputies, general-station staff and administrators, unless read-only. */
    public boolean mayAct() {
        return ui.allows(Permissions.Action.EDIT) || ui.allows(Permissions.Action.REVIEW);
    }

    public String showText(Show s) {
        return ui.text("handling.ui.show." + s.name().toLowerCase(java.util.Locale.ROOT));
    }

    public String actionText(Action a) {
        return ui.text("handling.ui.action." + a.name().toLowerCase(java.util.Locale.ROOT));
    }

    public String outcomeText(Outcome o) {
        return o == null ? "" : ui.text("handling.ui.outcome." + o.code());
    }

    public String ratingText(Rating r) {
        return r == null ? "" : ui.text("handling.ui.rating." + r.code());
    }

    public String unitText(HandlingUnit u) {
        return u == null ? "" : u.name() + "(" + u.code() + ")";
    }

    /** Loads the rows of the chosen view and the unit registry, in the background. */
    public void reload() {
        long request = ++generation;
        Show chosen = show.get();
        UUID keep = selected.get() == null ? null : selected.get().id();
        ui.background().run(() -> new Loaded(load(chosen), service().units().stream()
                .filter(HandlingUnit::active).toList(), loadConflicts()), loaded -> {
            if (request != generation) {
                return;
            }
            rows.setAll(loaded.rows);
            conflicts.setAll(loaded.conflicts);
            if (!units.equals(loaded.units)) {
                units.setAll(loaded.units);
            }
            selected.set(rows.stream().filter(r -> r.id().equals(keep)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0)));
            count.set(ui.text("handling.ui.count", rows.size()));
        }, ui.errors()::report);
    }

    private record Loaded(List<Row> rows, List<HandlingUnit> units, List<ConflictRow> conflicts) {
    }

    /** A conflict as the window lists it: the opinion's number, the field's name, both values. */
    public record ConflictRow(long id, String number, String field, String local, String incoming) {
    }

    private HandlingService service() {
        return handling;
    }

    /** Runs in the background. */
    private List<Row> load(Show chosen) {
        HandlingService h = service();
        Map<String, String> unitNames = new HashMap<>();
        h.units().forEach(u -> unitNames.put(u.code(), u.name()));
        List<Row> out = new ArrayList<>();
        if (chosen == Show.WATCHED) {
            for (HandlingService.Watched w : h.supervision(true, null)) {
                out.add(row(w.opinion(), w.handling(), w.colour(), unitNames));
            }
            return out;
        }
        Map<UUID, HandlingCase> cases = new LinkedHashMap<>();
        opinions.forEachCase(c -> cases.put(c.opinionId(), c));
        if (chosen == Show.ALL) {
            for (Status s : List.of(Status.REVIEWED, Status.EXPORTED)) {
                opinions.forEach(OpinionFilter.ALL.withStatus(s), new OpinionSort(OpinionSort.Field.RECEIVED_AT, true), WAITING_SHOWN,
                        o -> {
                            if (!cases.containsKey(o.id())) {
                                out.add(row(o, HandlingCase.fresh(o.id(), o.station(), Stage.REVIEWED),
                                        Supervision.NONE, unitNames));
                            }
                        });
            }
        }
        List<Row> handled = new ArrayList<>();
        for (HandlingCase c : cases.values()) {
            Stage st = c.stage();
            boolean wanted = chosen == Show.ALL ? st != Stage.ARCHIVED && st != Stage.NOT_ACCEPTED
                    : st == Stage.REPLIED || st == Stage.FED_BACK;
            if (!wanted) {
                continue;
            }
            opinions.find(c.opinionId()).filter(o -> !o.deleted())
                    .filter(o -> chosen != Show.CALLBACK || o.constituent().consentToContact())
                    .ifPresent(o -> handled.add(row(o, c, h.colour(c), unitNames)));
        }
        // overdue first, then due soon, then the rest; the earliest due date first within each
        handled.sort(java.util.Comparator.comparingInt((Row r) -> urgency(r.colour()))
                .thenComparing(r -> r.due().isEmpty() ? "9999" : r.due()).thenComparing(Row::number));
        out.addAll(handled);
        return out;
    }

    /** The reply to pass on: its text, the outcome class and the explanation to the resident. */
    private String replyText(HandlingCase c) {
        if (c.get("reply_text") == null) {
            return null;
        }
        String outcome = c.outcome().map(this::outcomeText).orElse("");
        String note = c.get("outcome_note");
        return c.get("reply_text") + (outcome.isEmpty() ? "" : "(" + outcome + ")")
                + (note == null ? "" : " " + note);
    }

    private static int urgency(Supervision s) {
        return switch (s) {
            case RED -> 0;
            case YELLOW -> 1;
            case GREEN -> 2;
            case NONE -> 3;
        };
    }

    private Row row(Opinion o, HandlingCase c, Supervision colour, Map<String, String> unitNames) {
        Constituent who = ContactPolicy.forViewer(o.constituent(), ui.role());
        String unitCode = c.get("main_unit");
        return new Row(o.id(), o.number(), OpinionListViewModel.excerpt(o.text(), null),
                unitCode == null ? "" : unitNames.getOrDefault(unitCode, unitCode),
                c.get("due_date") == null ? "" : c.get("due_date"),
                ui.text("loop.stage." + c.stage().code()), colour,
                who.name() == null ? ui.text("list.anonymous") : who.name(),
                who.phone() == null ? "" : who.phone(), replyText(c));
    }

    /** Opens the form of {@code a} for the selected row (nothing happens without one, or without the right). */
    public void start(Action a) {
        if (selected.get() == null || busy.get() || !mayAct()) {
            return;
        }
        text.set("");
        templated = "";
        signedBy.set("");
        explanation.set("");
        outcome.set(a == Action.REPLY ? Outcome.A : null);
        rating.set(a == Action.VISIT ? Rating.SATISFIED : null);
        promised.set(null);
        wholeMatter.set(false);
        assisting.set("");
        file.set("");
        referral.set(a == Action.REJECT ? REFERRALS.get(0) : null);
        number.set("");
        date.set(a == Action.REPLY ? LocalDate.now(clock) : null);
        error.set("");
        action.set(a);
        if (a == Action.REPLY) {
            prefillTemplate(ReplyTemplates.outcomeKey(Outcome.A), explanation);
        } else if (a == Action.FEEDBACK) {
            prefillTemplate(ReplyTemplates.FEEDBACK, text);
        }
        if (a == Action.ASSIGN) {
            prefillDeputyOpinion(selected.get().id());
            if (unit.get() == null && !units.isEmpty()) {
                unit.set(units.get(0));
            } else {
                computeDue(unit.get());
            }
        }
    }

    /** The last text a template put into a field: replaced by the next template, kept once the person edited it. */
    private String templated = "";

    /**
     * Fills {@code field} with the reply template {@code key} (答复模板, editable with {@code templates}, sent down by
     * the general station), unless the person already typed something of their own there.
     */
    private void prefillTemplate(String key, StringProperty field) {
        Action opened = action.get();
        ui.background().run(() -> handling.templates().text(key), value -> {
            String now = field.get() == null ? "" : field.get();
            if (action.get() == opened && (now.isEmpty() || now.equals(templated))) {
                templated = value == null ? "" : value;
                field.set(templated);
            }
        }, ui.errors()::report);
    }

    /** The 交办意见 starts from the deputy's review note (拟办意见), unless the person typed already. */
    private void prefillDeputyOpinion(UUID id) {
        ui.background().run(() -> {
            String note = reviews.review(id).note();
            return note == null ? "" : note;
        }, note -> {
            if (action.get() == Action.ASSIGN && text.get().isEmpty() && selected.get() != null
                    && selected.get().id().equals(id)) {
                text.set(note);
            }
        }, ui.errors()::report);
    }

    /**
     * Handling fields both sides changed (a return batch met a change made here): the window lists them until a
     * person keeps the value held here or takes the batch's.
     */
    public ObservableList<ConflictRow> conflicts() {
        return conflicts;
    }

    /** Decides {@code row}: the batch's value ({@code takeIncoming}) or the one held here; then reloads. */
    public void resolve(ConflictRow row, boolean takeIncoming) {
        if (row == null || busy.get() || !mayAct()) {
            return;
        }
        busy.set(true);
        ui.background().run(() -> {
            handling.resolveConflict(row.id(), takeIncoming, ui.actor());
            return row;
        }, done -> {
            busy.set(false);
            status.set(ui.text(takeIncoming ? "handling.ui.conflict.tookIncoming" : "handling.ui.conflict.keptLocal",
                    done.number(), done.field()));
            ui.changes().fire();
            reload();
        }, failure -> {
            busy.set(false);
            ui.errors().report(failure);
        });
    }

    /** Runs in the background. */
    private List<ConflictRow> loadConflicts() {
        List<ConflictRow> out = new ArrayList<>();
        for (org.liaisondesk.model.HandlingConflict k : handling.conflicts()) {
            String number = opinions.find(k.opinionId()).map(Opinion::number).orElse(k.opinionId().toString());
            String fieldKey = "handling.ui.history.field." + k.field();
            out.add(new ConflictRow(k.id(), number, ui.messages().has(fieldKey) ? ui.text(fieldKey) : k.field(),
                    k.local() == null ? "" : k.local(), k.incoming() == null ? "" : k.incoming()));
        }
        return out;
    }

    /**
     * What prints the selected case's 交办单 (read in the background); null when nothing is selected. A case not
     * assigned yet is refused by the service with a message.
     */
    public java.util.concurrent.Callable<org.liaisondesk.service.AssignmentSlip.Slip> slipOfSelected() {
        Row row = selected.get();
        if (row == null) {
            return null;
        }
        UUID id = row.id();
        return () -> handling.slipOf(id, stationName.get());
    }

    /** Loads the selected case's history while it is shown. */
    private void loadHistory() {
        Row row = selected.get();
        if (!historyShown.get() || row == null) {
            history.clear();
            return;
        }
        UUID id = row.id();
        ui.background().run(() -> {
            // each action before the fields it changed at the same moment; technical fields left out
            List<HandlingStep> steps = new ArrayList<>(handling.steps(id));
            steps.sort(java.util.Comparator.comparing(HandlingStep::at)
                    .thenComparing(st -> ui.messages().has("handling.ui.event." + st.what()) ? 0 : 1));
            return steps.stream().map(this::historyLine).filter(java.util.Objects::nonNull).toList();
        }, lines -> {
            if (selected.get() != null && selected.get().id().equals(id)) {
                history.setAll(lines.isEmpty() ? List.of(ui.text("handling.ui.history.none")) : lines);
            }
        }, ui.errors()::report);
    }

    /**
     * "2026-10-08 09:30 张丽 交办:已审阅 → 已交办", or a field the action changed: "期限:→ 2026-10-15"; null for a
     * field people need not read.
     */
    private String historyLine(HandlingStep step) {
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(step.at().atZone(clock.getZone()));
        String actionKey = "handling.ui.event." + step.what();
        if (ui.messages().has(actionKey)) {
            return ui.text("handling.ui.history.action", when, step.actor(), ui.text(actionKey),
                    stageText(step.before()), stageText(step.after()));
        }
        String fieldKey = "handling.ui.history.field." + step.what();
        if (!ui.messages().has(fieldKey)) {
            return null; // bookkeeping (route, span start, who assigned): the action line says enough
        }
        return ui.text("handling.ui.history.change", ui.text(fieldKey), step.before() == null ? "" : step.before(),
                step.after() == null ? "" : step.after());
    }

    private String stageText(String code) {
        return code == null ? "—" : ui.messages().has("loop.stage." + code) ? ui.text("loop.stage." + code) : code;
    }

    /** Closes the form without saving. */
    public void cancel() {
        action.set(null);
        error.set("");
    }

    private void computeDue(HandlingUnit u) {
        if (u == null) {
            computedDue.set("");
            return;
        }
        ui.background().run(() -> {
            HandlingService h = service();
            return h.limits().of(u.kind().route()).due(h.calendar(), h.today());
        }, due -> {
            if (u.equals(unit.get())) {
                computedDue.set(ui.text("handling.ui.dueComputed", due));
            }
        }, ui.errors()::report);
    }

    /** Saves the open form; a problem stays on the form, in red. */
    public void submit() {
        Action a = action.get();
        Row row = selected.get();
        if (a == null || row == null || busy.get()) {
            return;
        }
        String actor = ui.actor();
        HandlingService h = service();
        UUID id = row.id();
        Callable<List<HandlingCase>> work = switch (a) {
            case ASSIGN -> {
                HandlingUnit u = unit.get();
                boolean matter = wholeMatter.get();
                String opinion = text.get();
                List<String> helpers = java.util.Arrays.stream(assisting.get().split("[,，、\\s]+"))
                        .map(String::strip).filter(x -> !x.isEmpty()).toList();
                yield () -> h.assign(id, new HandlingService.Assignment(u == null ? null : u.code(), helpers,
                        null, null, opinion, matter), actor);
            }
            case SIGN -> () -> h.sign(id, actor);
            case REPLY -> {
                String attached = file.get() == null ? "" : file.get().strip();
                HandlingService.Reply r = new HandlingService.Reply(text.get(), signedBy.get(), date.get(),
                        attached.isEmpty() ? null : java.nio.file.Path.of(attached), outcome.get(), explanation.get(),
                        promised.get());
                yield () -> h.reply(id, r, actor);
            }
            case FEEDBACK -> {
                String note = text.get();
                yield () -> h.feedback(id, note, actor);
            }
            case VISIT -> {
                Rating r = rating.get();
                String note = text.get();
                if (r == null) {
                    error.set(ui.text("handling.ui.error.rating"));
                    yield null;
                }
                yield () -> h.visit(id, r, note, actor);
            }
            case EXTEND -> {
                LocalDate due = date.get();
                String reason = text.get();
                if (due == null) {
                    error.set(ui.text("handling.ui.error.date"));
                    yield null;
                }
                yield () -> h.extend(id, due, reason, actor);
            }
            case CLOSE -> () -> h.close(id, actor);
            case RETURN -> {
                String reason = text.get();
                yield () -> h.unitReturn(id, reason, actor);
            }
            case REJECT -> {
                String reason = text.get();
                String to = referral.get();
                if (reason == null || reason.isBlank()) {
                    error.set(ui.text("handling.ui.error.reason"));
                    yield null;
                }
                yield () -> h.reject(id, reason, to, actor);
            }
            case SUGGEST -> {
                String no = number.get();
                yield () -> h.suggestion(id, no, actor);
            }
        };
        if (work == null) {
            return;
        }
        if (a == Action.ASSIGN && unit.get() == null) {
            error.set(ui.text("handling.ui.error.unit"));
            return;
        }
        busy.set(true);
        error.set("");
        ui.background().run(work, saved -> {
            busy.set(false);
            action.set(null);
            HandlingCase c = saved.get(0);
            status.set(ui.text(c.stage() == Stage.REHANDLING ? "handling.ui.savedRehandling" : "handling.ui.saved",
                    row.number(), ui.text("loop.stage." + c.stage().code()),
                    c.get("due_date") == null ? "—" : c.get("due_date"), saved.size()));
            ui.changes().fire();
            reload();
        }, failure -> {
            busy.set(false);
            if (failure instanceof UserFacingException u) {
                error.set(u.localized(ui.messages()));
            } else {
                error.set(ui.text("handling.ui.error.failed"));
                ui.errors().report(failure);
            }
        });
    }
}

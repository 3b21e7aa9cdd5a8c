package org.liaisondesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.HandlingConflict;
import org.liaisondesk.model.HandlingStep;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Rating;
import org.liaisondesk.model.Stage;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.Supervision;
import org.liaisondesk.model.TimeLimits;
import org.liaisondesk.model.WorkCalendar;
import org.liaisondesk.store.HandlingRepository;
import org.liaisondesk.store.LinkRepository;
import org.liaisondesk.store.OpinionRepository;

/**
 * The handling loop after the deputies' review: 交办 (assign, numbered per station and year, due date in working
 * days), 签收, 退回, 延期, 答复 with an outcome class, 反馈群众, 回访 with a rating (不满意 opens 重办), 办结归档, and
 * 转为代表建议 / 不予受理. Every change is a handling event (who, when, before, after) and a new version of the case;
 * a change is refused when the case changed since it was read. Opinions linked as one matter (并案) are assigned and
 * answered together; each resident is fed back and rated on their own.
 */
public final class HandlingService {

    /** Replies, reasons and notes are texts a clerk types. */
    public static final int MAX_TEXT = 4000;

    /** Referrals of 不予受理: 信访, 法院/仲裁, 其他部门. */
    public static final Set<String> REFERRALS = Set.of("petition", "court", "other-dept");

    private static final Set<Stage> ASSIGNABLE = Set.of(Stage.REGISTERED, Stage.REVIEWED, Stage.RETURNED);
    private static final Set<Stage> WORKING = Set.of(Stage.ASSIGNED, Stage.SIGNED, Stage.REHANDLING,
            Stage.SUGGESTION);

    private final HandlingRepository repository;
    private final OpinionRepository opinions;
    private final LinkRepository links;
    private final CalendarService calendars;
    private final Path attachments;
    private final Clock clock;
    private final ReplyTemplates templates;

    public HandlingService(HandlingRepository repository, OpinionRepository opinions, LinkRepository links,
                           CalendarService calendars, Path attachments, Clock clock) {
        this.repository = repository;
        this.opinions = opinions;
        this.links = links;
        this.calendars = calendars;
        this.attachments = attachments;
        this.clock = clock;
        this.templates = new ReplyTemplates(repository);
    }

    /**
     * The reply templates: the texts to offer for an explanation or a feedback note a person leaves out (the
     * command line fills them in; a window prefills its fields with them).
     */
    public ReplyTemplates templates() {
        return templates;
    }

    /** What a 交办 says. {@code due} and {@code route} may be null: the route follows the main unit's kind. */
    public record Assignment(String mainUnit, List<String> assisting, String route, LocalDate due,
                             String deputyOpinion, boolean wholeMatter) {
    }

    /** A unit's reply (答复); the outcome class and its explanation; B and C promise a date. */
    public record Reply(String text, String signedBy, LocalDate date, Path file, Outcome outcome, String explanation,
                        LocalDate promised) {
    }

    /**
     * A case under supervision: its colour and, when overdue, why; how many residents raised its matter (the
     * opinions linked as the same matter, 1 when not linked) and the priority that gives.
     */
    public record Watched(Opinion opinion, HandlingCase handling, Supervision colour, String kind, int residents) {
        public Watched(Opinion opinion, HandlingCase handling, Supervision colour, String kind) {
            this(opinion, handling, colour, kind, 1);
        }

        /** Urgent when the matter's residents reach {@link Priority#RAISE_AT_RESIDENTS}. */
        public Priority priority() {
            return Priority.NORMAL.raisedFor(residents);
        }
    }

    /** The rates higher levels ask for, in percent (null when nothing to divide by). */
    public record Rates(long cases, long closed, Integer closedRate, Integer onTimeRate, Integer satisfactionRate,
                        Integer visitRate) {
    }

    // ---- registry, calendar, limits

    public List<HandlingUnit> units() {
        return repository.units();
    }

    public HandlingUnit saveUnit(String code, String name, String kind, String contact, Boolean active,
                                 String actor) {
        String c = InputRules.blankToNull(code);
        if (c == null || !c.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
            throw new UserFacingException("loop.error.unitCode", code);
        }
        Optional<HandlingUnit> held = repository.unit(c);
        String n = InputRules.blankToNull(name);
        HandlingUnit.Kind k = kind == null ? held.map(HandlingUnit::kind).orElse(null)
                : HandlingUnit.Kind.fromCode(kind).orElseThrow(() -> new UserFacingException("loop.error.unitKind",
                        kind));
        HandlingUnit u = new HandlingUnit(c, n != null ? n : held.map(HandlingUnit::name).orElse(null), k,
                contact != null ? InputRules.blankToNull(contact) : held.map(HandlingUnit::contact).orElse(null),
                active != null ? active : held.map(HandlingUnit::active).orElse(true));
        if (u.name() == null || u.kind() == null) {
            throw new UserFacingException("loop.error.unitIncomplete", c);
        }
        repository.saveUnit(u, actor);
        return u;
    }

    public WorkCalendar calendar() {
        return calendars.calendar();
    }

    public TimeLimits limits() {
        return new TimeLimits(repository.limits());
    }

    public void setLimit(String route, int amount, boolean months, String actor) {
        if (!TimeLimits.isRoute(route) || amount < 0 || amount > 400) {
            throw new UserFacingException("loop.error.limit", route, amount);
        }
        repository.saveLimit(route, new TimeLimits.Limit(amount, months), actor);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- reading

    /** The opinion's handling: the stored case, or a fresh one at the stage its status implies. */
    public HandlingCase caseOf(UUID id) {
        Opinion o = require(id);
        return repository.find(id).orElse(HandlingCase.fresh(id, o.station(), Stage.ofStatus(o.status())));
    }

    public Optional<HandlingCase> stored(UUID id) {
        return repository.find(id);
    }

    public Map<UUID, HandlingCase> stored(List<UUID> ids) {
        return repository.findAll(ids);
    }

    public List<HandlingRepository.Event> history(UUID id) {
        return repository.events(id);
    }

    /** The conflicts no person has decided yet, oldest first. */
    public List<HandlingConflict> conflicts() {
        return repository.openConflicts().stream()
                .map(k -> new HandlingConflict(k.id(), k.opinionId(), k.field(), k.local(), k.incoming())).toList();
    }

    /** Decides a conflict: the batch's value replaces the one held, or the one held stays (and goes out again). */
    public void resolveConflict(long id, boolean takeIncoming, String actor) {
        if (!repository.resolve(id, takeIncoming ? "incoming" : "local", actor)) {
            throw new UserFacingException("loop.error.noConflict", id);
        }
    }

    /** {@link #history} for the window, oldest first. */
    public List<HandlingStep> steps(UUID id) {
        return repository.events(id).stream()
                .map(e -> new HandlingStep(e.at(), e.actor(), e.action(), e.before(), e.after())).toList();
    }

    public Supervision colour(HandlingCase c) {
        return Supervision.of(calendar(), c, today());
    }

    /**
     * Cases that need someone: overdue ones (red), ones about to be (yellow, when {@code withYellow}), and B/C replies
     * whose promised date has passed (follow-up). Matters raised by many residents first
     * ({@link Priority#RAISE_AT_RESIDENTS}), then oldest due first, then more residents first.
     */
    public List<Watched> supervision(boolean withYellow, String station) {
        return supervision(withYellow, station, null, null);
    }

    /** {@link #supervision(boolean, String)} of the opinions received from {@code from} to {@code to} (null: open). */
    public List<Watched> supervision(boolean withYellow, String station, LocalDate from, LocalDate to) {
        WorkCalendar cal = calendar();
        LocalDate today = today();
        List<Watched> out = new ArrayList<>();
        Map<UUID, UUID> matterOf = links.matters();
        Map<UUID, Integer> matterSize = new java.util.HashMap<>();
        matterOf.values().forEach(m -> matterSize.merge(m, 1, Integer::sum));
        repository.forEach(station, from, to, c -> {
            Supervision s = Supervision.of(cal, c, today);
            String kind = null;
            if (s == Supervision.RED) {
                kind = "overdue";
            } else if (s == Supervision.YELLOW && withYellow) {
                kind = "due-soon";
            } else if (followUpDue(c, today)) {
                kind = "follow-up";
            }
            if (kind != null) {
                String k = kind;
                UUID matter = matterOf.get(c.opinionId());
                int residents = matter == null ? 1 : matterSize.getOrDefault(matter, 1);
                opinions.find(c.opinionId()).ifPresent(o -> out.add(new Watched(o, c, s, k, residents)));
            }
        });
        out.sort(java.util.Comparator.comparing((Watched w) -> w.priority() != Priority.URGENT)
                .thenComparing(w -> w.handling().dueDate().orElse(LocalDate.MAX))
                .thenComparing(w -> -w.residents()));
        return out;
    }

    /** Follow-up results (B/C): 已解决, 仍在解决 (perhaps with a new promised date), 不再解决. */
    public static final Set<String> FOLLOW_UP_RESULTS = Set.of("done", "still", "dropped");

    /**
     * A B or C reply whose promised date has passed and whose follow-up result is not recorded since (a "still"
     * with a new promised date comes back once that date passes).
     */
    static boolean followUpDue(HandlingCase c, LocalDate today) {
        if (!c.outcome().map(Outcome::needsFollowUp).orElse(false) || c.get("closed_at") != null) {
            return false;
        }
        Optional<LocalDate> promised = c.promisedDate();
        if (promised.isEmpty() || !today.isAfter(promised.get())) {
            return false;
        }
        String recorded = c.get("followup_date");
        return recorded == null || !LocalDate.parse(recorded).isAfter(promised.get());
    }

    /**
     * Records what happened to a B/C reply's promise: {@code result} done, still (with {@code newPromised}, a later
     * date it comes back on) or dropped, a note and the date (default today). The follow-up list drops it.
     */
    public List<HandlingCase> followUp(UUID id, String result, String note, LocalDate date, LocalDate newPromised,
                                       String actor) {
        if (result == null || !FOLLOW_UP_RESULTS.contains(result)) {
            throw new UserFacingException("loop.followUp.error.result", result);
        }
        String n = InputRules.blankToNull(note);
        checkLength(n);
        LocalDate on = date != null ? date : today();
        if (on.isAfter(today())) {
            throw new UserFacingException("loop.followUp.error.future", on);
        }
        if (newPromised != null && (!"still".equals(result) || !newPromised.isAfter(on))) {
            throw new UserFacingException("loop.followUp.error.promised", newPromised);
        }
        return change(List.of(id), actor, "follow-up", c -> {
            if (!c.outcome().map(Outcome::needsFollowUp).orElse(false) || c.promisedDate().isEmpty()) {
                throw new UserFacingException("loop.followUp.error.notBC", require(id).number());
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("followup_result", result);
            m.put("followup_note", n);
            m.put("followup_date", on.toString());
            if (newPromised != null) {
                m.put("promised_date", newPromised.toString());
            }
            return m;
        });
    }

    /** 办结率, 按时办结率, 满意率 (满意 + 基本满意 of the rated), 回访率 (visited of those fed back). */
    public Rates rates(String station) {
        return rates(station, null, null);
    }

    /** {@link #rates(String)} of the opinions received from {@code from} to {@code to} (null: open): a report's. */
    public Rates rates(String station, LocalDate from, LocalDate to) {
        Tally t = new Tally();
        repository.forEach(station, from, to, t::add);
        return t.rates();
    }

    /** How {@link #rates(String, LocalDate, LocalDate, RateGroup)} groups: by main unit, primary area, station. */
    public enum RateGroup { UNIT, AREA, STATION }

    /** The counts behind the rates: cases, closed (办结), closed on time, rated, satisfied, fed back, visited. */
    public record Counts(long cases, long closed, long onTime, long rated, long satisfied, long fedBack,
                         long visited) {
        public Rates rates() {
            return new Rates(cases, closed, percent(closed, cases), percent(onTime, closed),
                    percent(satisfied, rated), percent(visited, fedBack));
        }
    }

    /** One group's counts ({@code group}: a unit code, an area number, a station code; "-" for none). */
    public record GroupCounts(String group, Counts counts) {
    }

    /**
     * The rates per group, for the opinions received from {@code from} to {@code to} (both inclusive; null: no
     * bound) at {@code station} (null: all). Groups in code order; the total is {@link #rates(String)}'s kind.
     */
    public List<GroupCounts> rates(String station, LocalDate from, LocalDate to, RateGroup by) {
        Map<String, Tally> groups = new java.util.TreeMap<>();
        boolean needOpinion = from != null || to != null || by == RateGroup.AREA;
        repository.forEach(station, c -> {
            Opinion o = needOpinion ? opinions.find(c.opinionId()).filter(x -> !x.deleted()).orElse(null) : null;
            if (needOpinion && o == null) {
                return;
            }
            if (o != null) {
                LocalDate received = o.receivedAt().toLocalDate();
                if ((from != null && received.isBefore(from)) || (to != null && received.isAfter(to))) {
                    return;
                }
            }
            String key = switch (by == null ? RateGroup.STATION : by) {
                case UNIT -> c.get("main_unit");
                case AREA -> o.areas().isEmpty() ? null : String.valueOf(o.areas().get(0));
                case STATION -> c.station();
            };
            groups.computeIfAbsent(by == null ? "" : key == null ? "-" : key, k -> new Tally()).add(c);
        });
        return groups.entrySet().stream().map(e -> new GroupCounts(e.getKey(), e.getValue().counts())).toList();
    }

    /** Counts cases for the rates; cases not yet assigned (已登记, 已审阅) are not counted. */
    private static final class Tally {
        private final long[] n = new long[7];

        void add(HandlingCase c) {
            Stage st = c.stage();
            if (st == Stage.REGISTERED || st == Stage.REVIEWED) {
                return;
            }
            n[0]++;
            if (st == Stage.ARCHIVED || st == Stage.NOT_ACCEPTED) {
                n[1]++;
                Optional<LocalDate> due = c.dueDate();
                String replied = c.get("reply_date");
                if (due.isEmpty() || replied == null || !LocalDate.parse(replied).isAfter(due.get())) {
                    n[2]++;
                }
            }
            if (c.rating().isPresent()) {
                n[3]++;
                if (c.rating().get() != Rating.DISSATISFIED) {
                    n[4]++;
                }
            }
            if (c.get("fed_back_at") != null) {
                n[5]++;
                if (c.get("visited_at") != null) {
                    n[6]++;
                }
            }
        }

        Counts counts() {
            return new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
        }

        Rates rates() {
            return counts().rates();
        }
    }

    private static Integer percent(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    // ---- the loop

    /** 交办: to a main unit (and assisting ones), due by the route's limit unless a date is given. */
    public List<HandlingCase> assign(UUID id, Assignment a, String actor) {
        HandlingUnit main = unit(a.mainUnit());
        List<String> assisting = new ArrayList<>();
        for (String code : a.assisting() == null ? List.<String>of() : a.assisting()) {
            assisting.add(unit(code).code());
        }
        String route = a.route() != null ? a.route() : main.kind().route();
        if (!TimeLimits.isRoute(route)) {
            throw new UserFacingException("loop.error.route", route);
        }
        LocalDate today = today();
        LocalDate due = a.due() != null ? a.due() : limits().of(route).due(calendar(), today);
        if (due.isBefore(today)) {
            throw new UserFacingException("loop.error.dueInPast", due);
        }
        String opinion = InputRules.blankToNull(a.deputyOpinion());
        checkLength(opinion);
        List<UUID> ids = a.wholeMatter() ? matter(id) : List.of(id);
        return change(ids, actor, "assign", c -> {
            requireStage(c, ASSIGNABLE);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("stage", Stage.ASSIGNED.code());
            m.put("assignment_no", c.station() + "-" + today.getYear() + "-" + HandlingRepository.NEXT_NUMBER);
            m.put("route", route);
            m.put("main_unit", main.code());
            m.put("assisting_units", assisting.isEmpty() ? null : String.join(",", assisting));
            m.put("deputy_opinion", opinion);
            m.put("assigned_at", today.toString());
            m.put("assigned_by", actor);
            m.put("due_date", due.toString());
            m.put("span_start", today.toString());
            m.put("reason", null);
            return m;
        });
    }

    /** 签收: the unit confirms it received the assignment. */
    public List<HandlingCase> sign(UUID id, String actor) {
        return change(List.of(id), actor, "sign", c -> {
            requireStage(c, Set.of(Stage.ASSIGNED, Stage.REHANDLING));
            return Map.of("stage", Stage.SIGNED.code(), "signed_at", today().toString());
        });
    }

    /** 退回重交: the unit returns a wrongly assigned matter, with a reason, within the unit-return limit. */
    public List<HandlingCase> unitReturn(UUID id, String reason, String actor) {
        String r = requireText(reason, "loop.error.reasonRequired");
        return change(List.of(id), actor, "return", c -> {
            requireStage(c, Set.of(Stage.ASSIGNED, Stage.SIGNED));
            LocalDate assigned = LocalDate.parse(c.get("assigned_at"));
            LocalDate last = limits().of(TimeLimits.UNIT_RETURN).due(calendar(), assigned);
            if (today().isAfter(last)) {
                throw new UserFacingException("loop.error.returnTooLate", c.get("assignment_no"), last);
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("stage", Stage.RETURNED.code());
            m.put("reason", r);
            m.put("due_date", null);
            return m;
        });
    }

    /** 延期: a new, later due date with a reason; a deputies' suggestion at most to its longest limit. */
    public List<HandlingCase> extend(UUID id, LocalDate newDue, String reason, String actor) {
        String r = requireText(reason, "loop.error.reasonRequired");
        return change(List.of(id), actor, "extend", c -> {
            requireStage(c, WORKING);
            LocalDate due = c.dueDate().orElse(today());
            if (!newDue.isAfter(due)) {
                throw new UserFacingException("loop.error.extendEarlier", newDue, due);
            }
            if (c.stage() == Stage.SUGGESTION) {
                LocalDate max = limits().of(TimeLimits.SUGGESTION_MAX).due(calendar(),
                        LocalDate.parse(c.get("span_start")));
                if (newDue.isAfter(max)) {
                    throw new UserFacingException("loop.error.extendTooFar", newDue, max);
                }
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("due_date", newDue.toString());
            m.put("extensions", String.valueOf(c.number("extensions") + 1));
            m.put("reason", r);
            return m;
        });
    }

    /**
     * 答复: the unit's written reply, who signed it and when, the outcome class and its explanation to the resident;
     * B and C need the promised date. Applies to every opinion of the same assignment (并案). A file is copied into the
     * data folder.
     */
    public List<HandlingCase> reply(UUID id, Reply r, String actor) {
        String text = requireText(r.text(), "loop.error.replyRequired");
        String signedBy = requireText(r.signedBy(), "loop.error.signedByRequired");
        if (r.outcome() == null) {
            throw new UserFacingException("loop.error.outcomeRequired");
        }
        if (r.outcome().needsFollowUp() && r.promised() == null) {
            throw new UserFacingException("loop.error.promisedRequired", r.outcome().code());
        }
        String explanation = InputRules.blankToNull(r.explanation());
        checkLength(explanation);
        LocalDate date = r.date() != null ? r.date() : today();
        HandlingCase first = caseOf(id);
        List<UUID> ids = sameAssignment(first);
        String stored = r.file() == null ? null : attach(first, r.file());
        return change(ids, actor, "reply", c -> {
            requireStage(c, WORKING);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("stage", Stage.REPLIED.code());
            m.put("reply_text", text);
            m.put("reply_signed_by", signedBy);
            m.put("reply_date", date.toString());
            m.put("reply_file", stored);
            m.put("outcome", r.outcome().code());
            m.put("outcome_note", explanation);
            m.put("promised_date", r.promised() == null ? null : r.promised().toString());
            return m;
        });
    }

    /** 已反馈群众: the reply was passed on to this resident. */
    public List<HandlingCase> feedback(UUID id, String note, String actor) {
        String n = InputRules.blankToNull(note);
        checkLength(n);
        return change(List.of(id), actor, "feedback", c -> {
            requireStage(c, Set.of(Stage.REPLIED));
            Map<String, String> m = new LinkedHashMap<>();
            m.put("stage", Stage.FED_BACK.code());
            m.put("fed_back_at", today().toString());
            if (n != null) {
                m.put("visit_note", n);
            }
            return m;
        });
    }

    /** 回访: the resident's rating; 不满意 opens 重办 with its own due date (the re-handling limit). */
    public List<HandlingCase> visit(UUID id, Rating rating, String note, String actor) {
        String n = InputRules.blankToNull(note);
        checkLength(n);
        return change(List.of(id), actor, "visit", c -> {
            requireStage(c, Set.of(Stage.FED_BACK, Stage.REPLIED));
            Map<String, String> m = new LinkedHashMap<>();
            LocalDate today = today();
            m.put("rating", rating.code());
            m.put("visited_at", today.toString());
            m.put("visit_note", n);
            if (c.get("fed_back_at") == null) {
                m.put("fed_back_at", today.toString());
            }
            if (rating == Rating.DISSATISFIED) {
                m.put("stage", Stage.REHANDLING.code());
                m.put("rehandlings", String.valueOf(c.number("rehandlings") + 1));
                m.put("span_start", today.toString());
                m.put("due_date", limits().of(TimeLimits.REHANDLING).due(calendar(), today).toString());
            } else {
                m.put("stage", Stage.VISITED.code());
            }
            return m;
        });
    }

    /** 办结归档: after the return visit (or, without one, after the resident was told). */
    public List<HandlingCase> close(UUID id, String actor) {
        return change(List.of(id), actor, "close", c -> {
            requireStage(c, Set.of(Stage.VISITED, Stage.FED_BACK));
            return Map.of("stage", Stage.ARCHIVED.code(), "closed_at", today().toString());
        });
    }

    /** 不予受理: with a reason and a referral (petition, court, other-dept). */
    public List<HandlingCase> reject(UUID id, String reason, String referral, String actor) {
        String r = requireText(reason, "loop.error.reasonRequired");
        if (referral == null || !REFERRALS.contains(referral)) {
            throw new UserFacingException("loop.error.referral", referral);
        }
        return change(List.of(id), actor, "reject", c -> {
            requireStage(c, ASSIGNABLE);
            return Map.of("stage", Stage.NOT_ACCEPTED.code(), "reason", r, "referral", referral, "closed_at",
                    today().toString());
        });
    }

    /** 转为代表建议: with the suggestion's number; due by the suggestion limit (3 months, extendable to 6). */
    public List<HandlingCase> suggestion(UUID id, String number, String actor) {
        String no = requireText(number, "loop.error.suggestionNumber");
        LocalDate today = today();
        LocalDate due = limits().of(TimeLimits.SUGGESTION).due(calendar(), today);
        return change(List.of(id), actor, "suggestion", c -> {
            requireStage(c, ASSIGNABLE);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("stage", Stage.SUGGESTION.code());
            m.put("suggestion_no", no);
            m.put("route", TimeLimits.SUGGESTION);
            m.put("assigned_at", today.toString());
            m.put("assigned_by", actor);
            m.put("span_start", today.toString());
            m.put("due_date", due.toString());
            return m;
        });
    }

    /** The 交办单 of an assigned opinion as printable HTML, covering every opinion of the same assignment. */
    public String slip(UUID id, String stationName) {
        return AssignmentSlip.html(slipOf(id, stationName));
    }

    /** The 交办单 of an assigned opinion as text, for printing from the window. */
    public AssignmentSlip.Slip slipOf(UUID id, String stationName) {
        HandlingCase c = repository.find(id).filter(h -> h.get("assignment_no") != null)
                .orElseThrow(() -> new UserFacingException("loop.error.notAssigned", require(id).number()));
        List<Opinion> residents = new ArrayList<>();
        for (UUID other : matter(id)) {
            repository.find(other).filter(h -> c.get("assignment_no").equals(h.get("assignment_no")))
                    .flatMap(h -> opinions.find(other)).ifPresent(residents::add);
        }
        return AssignmentSlip.of(c, residents, units(), stationName);
    }

    // ---- helpers

    /**
     * Applies {@code changes} (computed from each case as held) to every case, with one event per changed field, in
     * one transaction; refused as a whole when any case changed meanwhile.
     */
    private List<HandlingCase> change(List<UUID> ids, String actor, String action,
                                      Function<HandlingCase, Map<String, String>> changes) {
        String who = actor == null || actor.isBlank() ? "?" : actor;
        Instant now = clock.instant();
        List<HandlingCase> next = new ArrayList<>();
        List<HandlingRepository.Event> events = new ArrayList<>();
        for (UUID id : ids) {
            HandlingCase held = caseOf(id);
            Map<String, String> m = changes.apply(held);
            HandlingCase after = held.with(m);
            events.add(new HandlingRepository.Event(UUID.randomUUID(), id, now, who, action, held.get("stage"),
                    after.get("stage")));
            for (Map.Entry<String, String> e : m.entrySet()) {
                if (!e.getKey().equals("stage") && !Objects.equals(held.get(e.getKey()), e.getValue())) {
                    events.add(new HandlingRepository.Event(UUID.randomUUID(), id, now, who, e.getKey(),
                            held.get(e.getKey()), e.getValue()));
                }
            }
            next.add(after);
        }
        if (!repository.save(next, events, who)) {
            throw new UserFacingException("loop.error.changedElsewhere");
        }
        List<HandlingCase> saved = new ArrayList<>();
        ids.forEach(i -> repository.find(i).ifPresent(saved::add));
        return saved;
    }

    /** The opinion and those linked with it as the same matter, the opinion first. */
    private List<UUID> matter(UUID id) {
        Set<UUID> all = new LinkedHashSet<>();
        all.add(id);
        all.addAll(links.sameMatter(id));
        return all.stream().filter(i -> opinions.find(i).filter(o -> !o.deleted()).isPresent()).toList();
    }

    /** Every opinion that shares this case's assignment (并案), this one first, those still being worked on. */
    private List<UUID> sameAssignment(HandlingCase first) {
        String no = first.get("assignment_no");
        List<UUID> out = new ArrayList<>();
        out.add(first.opinionId());
        if (no == null) {
            return out;
        }
        for (UUID other : matter(first.opinionId())) {
            if (!other.equals(first.opinionId())) {
                repository.find(other).filter(c -> no.equals(c.get("assignment_no"))
                        && WORKING.contains(c.stage())).ifPresent(c -> out.add(other));
            }
        }
        return out;
    }

    private String attach(HandlingCase c, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("loop.error.attachment", file);
        }
        String folder = c.get("assignment_no") != null ? c.get("assignment_no") : c.opinionId().toString();
        Path target = attachments.resolve(folder).resolve(file.getFileName().toString());
        try {
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UserFacingException("loop.error.attachment", e, file);
        }
        return attachments.relativize(target).toString().replace('\\', '/');
    }

    private HandlingUnit unit(String code) {
        return repository.unit(code).filter(HandlingUnit::active)
                .orElseThrow(() -> new UserFacingException("loop.error.noUnit", code));
    }

    private Opinion require(UUID id) {
        return opinions.find(id).filter(o -> !o.deleted())
                .orElseThrow(() -> new UserFacingException("opinion.error.notFound", id));
    }

    private void requireStage(HandlingCase c, Set<Stage> allowed) {
        if (!allowed.contains(c.stage())) {
            Opinion o = require(c.opinionId());
            throw new UserFacingException("loop.error.stage", o.number(), c.stage().code());
        }
    }

    private static String requireText(String text, String key) {
        String t = InputRules.blankToNull(text);
        if (t == null) {
            throw new UserFacingException(key);
        }
        checkLength(t);
        return t;
    }

    private static void checkLength(String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new UserFacingException("loop.error.tooLong", MAX_TEXT, text.length());
        }
    }

    /** The stage as the window and list show it: the case's, or the one the coarse status implies. */
    public static Stage stageOf(Opinion o, HandlingCase c) {
        if (c != null) {
            return c.stage();
        }
        return o.status() == Status.CLOSED ? Stage.ARCHIVED : Stage.ofStatus(o.status());
    }
}

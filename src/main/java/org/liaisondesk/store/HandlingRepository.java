package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.TimeLimits;
import org.liaisondesk.model.WorkCalendar;

/**
 * The handling loop's tables (migration V016): handling units, one handling case per opinion with its events, the
 * assignment numbers, the loaded calendar years, time limits, reply templates, handling batches and conflicts.
 */
public final class HandlingRepository {

    private static final String CASE_COLUMNS = "opinion_id, station, " + String.join(", ", HandlingCase.FIELDS)
            + ", version, dirty, updated_at";

    private final Database db;

    public HandlingRepository(Database db) {
        this.db = db;
    }

    /** A handling change as the history shows it: who, when, what, before and after. */
    public record Event(UUID eventId, UUID opinionId, Instant at, String actor, String action, String before,
                        String after) {
    }

    /** A handling field both sides changed: the value held here and the one a batch carried. */
    public record Conflict(long id, UUID opinionId, UUID batchId, String field, String local, String incoming,
                           Instant detectedAt, String resolution) {
    }

    /** A handling batch written or read; {@code station} is the station at the other end (or this one, below). */
    public record BatchRow(UUID batchId, String direction, String role, String station, int sequence, String sha256,
                           String fileName, int cases, String reference, Instant at) {
    }

    /** A case as a batch carries it: every field, and those the sender changed since its last exchange. */
    public record CaseChange(UUID opinionId, String station, Map<String, String> fields, List<String> changed) {
    }

    /** What is waiting to leave: changed cases and new events. */
    public record Outgoing(List<CaseChange> cases, List<Event> events) {

        public boolean isEmpty() {
            return cases.isEmpty() && events.isEmpty();
        }
    }

    /** What importing a batch changed (or would change, in a dry run). */
    public record Applied(int casesCreated, int casesUpdated, int fieldsChanged, int conflicts, int events,
                          int units, int calendarYears, int templates, List<String> notes) {
    }

    /** Reference data a return batch carries. */
    public record Reference(List<HandlingUnit> units, List<WorkCalendar.Year> years, Map<String, String> templates) {
    }

    // ---- units

    public List<HandlingUnit> units() {
        return db.read(c -> unitsIn(c));
    }

    public Optional<HandlingUnit> unit(String code) {
        return units().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public void saveUnit(HandlingUnit u, String actor) {
        db.write(c -> {
            saveUnitIn(c, u);
            AuditLog.append(c, actor, "unit", null, u.code() + " " + u.name());
            return null;
        });
    }

    static List<HandlingUnit> unitsIn(Connection c) throws SQLException {
        List<HandlingUnit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, name, kind, contact, active FROM handling_unit "
                + "ORDER BY code"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HandlingUnit(rs.getString(1), rs.getString(2),
                        HandlingUnit.Kind.fromCode(rs.getString(3)).orElse(HandlingUnit.Kind.OTHER), rs.getString(4),
                        rs.getInt(5) != 0));
            }
        }
        return out;
    }

    static void saveUnitIn(Connection c, HandlingUnit u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO handling_unit (code, name, kind, contact, active, "
                + "updated_at) VALUES (?,?,?,?,?,?) ON CONFLICT (code) DO UPDATE SET name=excluded.name, "
                + "kind=excluded.kind, contact=excluded.contact, active=excluded.active, "
                + "updated_at=excluded.updated_at")) {
            ps.setString(1, u.code());
            ps.setString(2, u.name());
            ps.setString(3, u.kind().code());
            ps.setString(4, u.contact());
            ps.setInt(5, u.active() ? 1 : 0);
            ps.setString(6, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    // ---- cases

    public Optional<HandlingCase> find(UUID opinionId) {
        return db.read(c -> findIn(c, opinionId));
    }

    static Optional<HandlingCase> findIn(Connection c, UUID opinionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CASE_COLUMNS
                + " FROM handling_case WHERE opinion_id=?")) {
            ps.setString(1, opinionId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readCase(rs)) : Optional.empty();
            }
        }
    }

    /** The cases of these opinions (for {@code list --json}). */
    public Map<UUID, HandlingCase> findAll(List<UUID> ids) {
        Map<UUID, HandlingCase> out = new LinkedHashMap<>();
        db.read(c -> {
            for (UUID id : ids) {
                findIn(c, id).ifPresent(h -> out.put(id, h));
            }
            return null;
        });
        return out;
    }

    /** Every case, optionally of one station, in assignment order. */
    public void forEach(String station, Consumer<HandlingCase> sink) {
        forEach(station, null, null, sink);
    }

    /**
     * Every case, optionally of one station, of the opinions received from {@code from} to {@code to} (both days
     * included; null: open), in assignment order: what a report over those dates counts.
     */
    public void forEach(String station, java.time.LocalDate from, java.time.LocalDate to,
                        Consumer<HandlingCase> sink) {
        List<String> where = new ArrayList<>();
        List<String> params = new ArrayList<>();
        if (station != null) {
            where.add("station=?");
            params.add(station);
        }
        if (from != null || to != null) {
            StringBuilder received = new StringBuilder("opinion_id IN (SELECT id FROM opinion WHERE 1=1");
            if (from != null) {
                received.append(" AND received_at >= ?");
                params.add(from.atStartOfDay().toString());
            }
            if (to != null) {
                received.append(" AND received_at < ?");
                params.add(to.plusDays(1).atStartOfDay().toString());
            }
            where.add(received.append(")").toString());
        }
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM handling_case"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY assigned_at, opinion_id")) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(readCase(rs));
                    }
                }
            }
            return null;
        });
    }

    /** Where a new 交办单 number goes: the service writes this in assignment_no and the save numbers it. */
    public static final String NEXT_NUMBER = "####";

    /**
     * Stores every case if each is still at the version it was read at (0: not yet stored), with its events, in one
     * transaction; the opinions' coarse status follows the stage. An assignment_no ending in {@link #NEXT_NUMBER}
     * ("GS-007-2026-####") gets the station's next number of that year, the same one for every case of this save.
     * False when someone changed a case first.
     */
    public boolean save(List<HandlingCase> cases, List<Event> events, String actor) {
        try {
            return db.write(c -> {
                String number = null;
                for (HandlingCase h : cases) {
                    HandlingCase toSave = h;
                    String no = h.get("assignment_no");
                    if (no != null && no.endsWith(NEXT_NUMBER)) {
                        if (number == null) {
                            String prefix = no.substring(0, no.length() - NEXT_NUMBER.length());
                            number = prefix + String.format("%04d", nextNumberIn(c, prefix));
                        }
                        toSave = h.with(Map.of("assignment_no", number));
                    }
                    if (!saveIn(c, toSave, h.version() + 1, toSave.dirty())) {
                        throw new Stale();
                    }
                }
                insertEvents(c, numbered(events, number), false);
                for (HandlingCase h : cases) {
                    AuditLog.append(c, actor, "handling", h.opinionId(), h.get("stage"));
                }
                return true;
            });
        } catch (Stale e) {
            return false;
        }
    }

    private static List<Event> numbered(List<Event> events, String number) {
        if (number == null) {
            return events;
        }
        return events.stream().map(e -> e.after() != null && e.after().endsWith(NEXT_NUMBER)
                ? new Event(e.eventId(), e.opinionId(), e.at(), e.actor(), e.action(), e.before(), number) : e)
                .toList();
    }

    /** A case changed since it was read: the whole save rolls back. */
    private static final class Stale extends RuntimeException {
        Stale() {
            super(null, null, false, false);
        }
    }

    /** The counter behind a prefix "STATION-YEAR-". */
    private static int nextNumberIn(Connection c, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assignment_counter (station, year, last) "
                + "VALUES (?,0,1) ON CONFLICT (station, year) DO UPDATE SET last=last+1")) {
            ps.setString(1, prefix);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last FROM assignment_counter WHERE station=? "
                + "AND year=0")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Upserts a case at {@code newVersion} if the stored one is at {@code h.version()} (or absent when that is 0). */
    static boolean saveIn(Connection c, HandlingCase h, int newVersion, Set<String> dirty) throws SQLException {
        Optional<HandlingCase> held = findIn(c, h.opinionId());
        if (held.map(HandlingCase::version).orElse(0) != h.version()) {
            return false;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(HandlingCase.FIELDS.size() + 5, "?"));
        String updates = HandlingCase.FIELDS.stream().map(f -> f + "=excluded." + f).collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO handling_case (" + CASE_COLUMNS + ") VALUES ("
                + placeholders + ") ON CONFLICT (opinion_id) DO UPDATE SET " + updates
                + ", version=excluded.version, dirty=excluded.dirty, updated_at=excluded.updated_at")) {
            int i = 1;
            ps.setString(i++, h.opinionId().toString());
            ps.setString(i++, h.station());
            for (String f : HandlingCase.FIELDS) {
                ps.setString(i++, h.get(f));
            }
            ps.setInt(i++, newVersion);
            ps.setString(i++, String.join(",", dirty));
            ps.setString(i, Instant.now().toString());
            ps.executeUpdate();
        }
        String status = h.stage().status().code();
        try (PreparedStatement ps = c.prepareStatement("UPDATE opinion SET status=? WHERE id=? AND status<>? "
                + "AND NOT (? IN ('recorded', 'reviewed') AND status='exported')")) {
            ps.setString(1, status);
            ps.setString(2, h.opinionId().toString());
            ps.setString(3, status);
            ps.setString(4, status);
            ps.executeUpdate();
        }
        return true;
    }

    static void insertEvents(Connection c, List<Event> events, boolean sent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO handling_event (event_id, opinion_id, at, "
                + "actor, action, before, after, sent) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Event e : events) {
                ps.setString(1, e.eventId().toString());
                ps.setString(2, e.opinionId().toString());
                ps.setString(3, e.at().toString());
                ps.setString(4, e.actor());
                ps.setString(5, e.action());
                ps.setString(6, e.before());
                ps.setString(7, e.after());
                ps.setInt(8, sent ? 1 : 0);
                ps.executeUpdate();
            }
        }
    }

    public List<Event> events(UUID opinionId) {
        return db.read(c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, opinion_id, at, actor, action, before, "
                    + "after FROM handling_event WHERE opinion_id=? ORDER BY at, event_id")) {
                ps.setString(1, opinionId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readEvent(rs));
                    }
                }
            }
            return out;
        });
    }

    // ---- calendar, limits, templates

    public List<WorkCalendar.Year> calendarYears() {
        return db.read(HandlingRepository::calendarYearsIn);
    }

    static List<WorkCalendar.Year> calendarYearsIn(Connection c) throws SQLException {
        List<WorkCalendar.Year> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT year, source, holidays, workdays FROM work_calendar "
                + "ORDER BY year"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new WorkCalendar.Year(rs.getInt(1), dates(rs.getString(3)), dates(rs.getString(4)),
                        rs.getString(2)));
            }
        }
        return out;
    }

    public void saveCalendarYear(WorkCalendar.Year y, String actor) {
        db.write(c -> {
            saveCalendarYearIn(c, y);
            AuditLog.append(c, actor, "calendar", null, "year " + y.year() + " " + y.source());
            return null;
        });
    }

    static void saveCalendarYearIn(Connection c, WorkCalendar.Year y) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_calendar (year, source, holidays, workdays, "
                + "loaded_at) VALUES (?,?,?,?,?) ON CONFLICT (year) DO UPDATE SET source=excluded.source, "
                + "holidays=excluded.holidays, workdays=excluded.workdays, loaded_at=excluded.loaded_at")) {
            ps.setInt(1, y.year());
            ps.setString(2, y.source());
            ps.setString(3, joinDates(y.holidays()));
            ps.setString(4, joinDates(y.workdays()));
            ps.setString(5, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    public Map<String, TimeLimits.Limit> limits() {
        return db.read(c -> {
            Map<String, TimeLimits.Limit> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT route, amount, unit FROM handling_limit");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new TimeLimits.Limit(rs.getInt(2), "months".equals(rs.getString(3))));
                }
            }
            return out;
        });
    }

    public void saveLimit(String route, TimeLimits.Limit limit, String actor) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO handling_limit (route, amount, unit) "
                    + "VALUES (?,?,?) ON CONFLICT (route) DO UPDATE SET amount=excluded.amount, unit=excluded.unit")) {
                ps.setString(1, route);
                ps.setInt(2, limit.amount());
                ps.setString(3, limit.unitCode());
                ps.executeUpdate();
            }
            AuditLog.append(c, actor, "limit", null, route + "=" + limit.amount() + " " + limit.unitCode());
            return null;
        });
    }

    public Map<String, String> templates() {
        return db.read(HandlingRepository::templatesIn);
    }

    static Map<String, String> templatesIn(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, text FROM reply_template ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    public void saveTemplate(String name, String text, String actor) {
        db.write(c -> {
            saveTemplateIn(c, name, text);
            AuditLog.append(c, actor, "reply-template", null, name);
            return null;
        });
    }

    /** Removes a stored template (its built-in text applies again); false when none was stored. */
    public boolean deleteTemplate(String name, String actor) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM reply_template WHERE name=?")) {
                ps.setString(1, name);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, actor, "reply-template-reset", null, name);
            return true;
        });
    }

    static void saveTemplateIn(Connection c, String name, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reply_template (name, text) VALUES (?,?) "
                + "ON CONFLICT (name) DO UPDATE SET text=excluded.text")) {
            ps.setString(1, name);
            ps.setString(2, text);
            ps.executeUpdate();
        }
    }

    // ---- conflicts

    public List<Conflict> openConflicts() {
        return db.read(c -> {
            List<Conflict> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, opinion_id, batch_id, field, local_value, "
                    + "incoming, detected_at, resolution FROM handling_conflict WHERE resolved_at IS NULL ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Conflict(rs.getLong(1), UUID.fromString(rs.getString(2)),
                            UUID.fromString(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                            Instant.parse(rs.getString(7)), rs.getString(8)));
                }
            }
            return out;
        });
    }

    /**
     * Resolves a conflict: {@code take} is "local" (keep what is held; it stays dirty and goes out in the next batch)
     * or "incoming" (the batch's value replaces it, as a new handling change). False when no such open conflict.
     */
    public boolean resolve(long id, String take, String actor) {
        return db.write(c -> {
            Conflict k = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, opinion_id, batch_id, field, local_value, "
                    + "incoming, detected_at, resolution FROM handling_conflict WHERE id=? AND resolved_at IS NULL")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        k = new Conflict(rs.getLong(1), UUID.fromString(rs.getString(2)),
                                UUID.fromString(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                                Instant.parse(rs.getString(7)), null);
                    }
                }
            }
            if (k == null) {
                return false;
            }
            HandlingCase held = findIn(c, k.opinionId()).orElseThrow();
            String value = "incoming".equals(take) ? k.incoming() : k.local();
            Map<String, String> change = new LinkedHashMap<>();
            change.put(k.field(), value);
            HandlingCase next = held.with(change);
            Set<String> dirty = new TreeSet<>(next.dirty());
            dirty.add(k.field());
            saveIn(c, next, held.version() + 1, dirty);
            insertEvents(c, List.of(new Event(UUID.randomUUID(), k.opinionId(), Instant.now(), actor,
                    "conflict-" + k.field(), k.local() + " | " + k.incoming(), value)), false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE handling_conflict SET resolved_at=?, resolved_by=?, "
                    + "resolution=? WHERE id=?")) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, actor);
                ps.setString(3, take);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, actor, "handling-conflict", k.opinionId(), k.field() + " " + take);
            return true;
        });
    }

    // ---- handling batches

    /** Stations (other than {@code own}) that have opinions here: where return batches go. */
    public List<String> stations(String own) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT station FROM opinion WHERE station<>? "
                    + "ORDER BY station")) {
                ps.setString(1, own);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Changed cases and unsent events of the opinions of {@code station} (null: of every station). */
    public Outgoing pending(String station) {
        return db.read(c -> {
            List<CaseChange> cases = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM handling_case "
                    + "WHERE dirty<>''" + (station == null ? "" : " AND station=?") + " ORDER BY opinion_id")) {
                if (station != null) {
                    ps.setString(1, station);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HandlingCase h = readCase(rs);
                        cases.add(new CaseChange(h.opinionId(), h.station(), h.fields(), List.copyOf(h.dirty())));
                    }
                }
            }
            List<Event> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.event_id, e.opinion_id, e.at, e.actor, e.action, "
                    + "e.before, e.after FROM handling_event e JOIN opinion o ON o.id = e.opinion_id WHERE e.sent=0"
                    + (station == null ? "" : " AND o.station=?") + " ORDER BY e.at, e.event_id")) {
                if (station != null) {
                    ps.setString(1, station);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(readEvent(rs));
                    }
                }
            }
            return new Outgoing(cases, events);
        });
    }

    public Reference reference() {
        return db.read(c -> new Reference(unitsIn(c), calendarYearsIn(c), templatesIn(c)));
    }

    public int lastSequence(String direction, String role, String station) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(sequence), 0) FROM handling_batch "
                    + "WHERE direction=? AND role=? AND station=?")) {
                ps.setString(1, direction);
                ps.setString(2, role);
                ps.setString(3, station);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** The reference digest the last down batch to {@code station} carried, if any. */
    public Optional<String> lastReference(String station) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reference FROM handling_batch WHERE direction='down' "
                    + "AND role='written' AND station=? ORDER BY sequence DESC LIMIT 1")) {
                ps.setString(1, station);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public Optional<BatchRow> batch(UUID batchId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT batch_id, direction, role, station, sequence, "
                    + "sha256, file_name, cases, reference, at FROM handling_batch WHERE batch_id=?")) {
                ps.setString(1, batchId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<BatchRow>empty();
                    }
                    return Optional.of(new BatchRow(UUID.fromString(rs.getString(1)), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                            rs.getInt(8), rs.getString(9), Instant.parse(rs.getString(10))));
                }
            }
        });
    }

    /**
     * After a written batch was verified: records it and marks what it carried as sent (the cases' changed fields are
     * no longer pending unless they changed again since they were read).
     */
    public void recordWritten(BatchRow row, Outgoing sent, String actor) {
        db.write(c -> {
            insertBatch(c, row);
            for (CaseChange k : sent.cases()) {
                Set<String> carried = new TreeSet<>(k.changed());
                Set<String> unacked = new TreeSet<>(carried);
                unacked.addAll(fieldSet(stringOf(c, "SELECT sent_fields FROM handling_case WHERE opinion_id=?",
                        k.opinionId())));
                try (PreparedStatement ps = c.prepareStatement("UPDATE handling_case SET dirty=CASE WHEN dirty=? "
                        + "THEN '' ELSE dirty END, sent_fields=?, sent_seq=? WHERE opinion_id=?")) {
                    ps.setString(1, String.join(",", carried));
                    ps.setString(2, String.join(",", unacked));
                    ps.setInt(3, row.sequence());
                    ps.setString(4, k.opinionId().toString());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE handling_event SET sent=1 WHERE event_id=?")) {
                for (Event e : sent.events()) {
                    ps.setString(1, e.eventId().toString());
                    ps.executeUpdate();
                }
            }
            AuditLog.append(c, actor, "handling-export", null, "batch=" + row.batchId() + " direction="
                    + row.direction() + " station=" + row.station() + " sequence=" + row.sequence() + " cases="
                    + row.cases());
            return null;
        });
    }

    /**
     * Applies a batch in one transaction: each carried case's changed fields replace the held ones, except a field
     * changed here too since the last exchange with a different value (a conflict, kept for a person; the held
     * value stays); new events are added as already sent; reference data replaces what is held. A dry run does all
     * of it and rolls back. Throws {@link MissingOpinion} when a case's opinion is not here.
     */
    public Applied importBatch(BatchRow row, int ack, List<CaseChange> cases, List<Event> events,
                               Reference reference, boolean dryRun, String actor) {
        try {
            return db.write(c -> {
                int created = 0;
                int updated = 0;
                int fields = 0;
                int conflicts = 0;
                List<String> notes = new ArrayList<>();
                for (CaseChange k : cases) {
                    if (OpinionRepository.findIn(c, k.opinionId()).isEmpty()) {
                        throw new MissingOpinion(k.opinionId());
                    }
                    Optional<HandlingCase> held = findIn(c, k.opinionId());
                    HandlingCase base = held.orElse(new HandlingCase(k.opinionId(), k.station(), Map.of(), 0,
                            Set.of(), null));
                    Set<String> unacked = new TreeSet<>(base.dirty());
                    if (held.isPresent() && ack < intOf(c, "SELECT sent_seq FROM handling_case WHERE opinion_id=?",
                            k.opinionId())) {
                        unacked.addAll(fieldSet(stringOf(c, "SELECT sent_fields FROM handling_case "
                                + "WHERE opinion_id=?", k.opinionId())));
                    }
                    Map<String, String> take = new LinkedHashMap<>();
                    for (String f : k.changed()) {
                        if (!HandlingCase.FIELDS.contains(f)) {
                            continue;
                        }
                        String incoming = k.fields().get(f);
                        String local = base.get(f);
                        if (java.util.Objects.equals(incoming, local)) {
                            continue;
                        }
                        if (unacked.contains(f)) {
                            conflicts++;
                            insertConflict(c, k.opinionId(), row.batchId(), f, local, incoming);
                            notes.add(k.opinionId() + " " + f + ": " + local + " | " + incoming);
                            continue;
                        }
                        take.put(f, incoming);
                    }
                    if (held.isEmpty()) {
                        Map<String, String> all = new LinkedHashMap<>(k.fields());
                        all.putAll(take);
                        take = all;
                    }
                    if (take.isEmpty()) {
                        continue;
                    }
                    fields += take.size();
                    HandlingCase next = base.with(take);
                    if (held.isEmpty()) {
                        created++;
                    } else {
                        updated++;
                    }
                    saveIn(c, next, base.version() + 1, base.dirty());
                }
                // what the other side has read of ours is acknowledged: no longer a conflict candidate
                try (PreparedStatement ps = c.prepareStatement("UPDATE handling_case SET sent_fields='' "
                        + "WHERE station=? AND sent_seq<=? AND sent_fields<>''")) {
                    ps.setString(1, row.station());
                    ps.setInt(2, ack);
                    ps.executeUpdate();
                }
                int before = countEvents(c);
                insertEvents(c, events, true);
                int added = countEvents(c) - before;
                for (HandlingUnit u : reference.units()) {
                    saveUnitIn(c, u);
                }
                for (WorkCalendar.Year y : reference.years()) {
                    saveCalendarYearIn(c, y);
                }
                if ("down".equals(row.direction())) {
                    // the general station's set of templates replaces the station's: a reset there resets here too
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM reply_template");
                    }
                }
                for (Map.Entry<String, String> t : reference.templates().entrySet()) {
                    saveTemplateIn(c, t.getKey(), t.getValue());
                }
                Applied applied = new Applied(created, updated, fields, conflicts, added, reference.units().size(),
                        reference.years().size(), reference.templates().size(), notes);
                if (dryRun) {
                    throw new DryRun(applied);
                }
                insertBatch(c, row);
                AuditLog.append(c, actor, "handling-import", null, "batch=" + row.batchId() + " direction="
                        + row.direction() + " station=" + row.station() + " sequence=" + row.sequence()
                        + " cases=" + row.cases() + " conflicts=" + conflicts);
                return applied;
            });
        } catch (DryRun d) {
            return d.applied;
        }
    }

    /** A batch carries a case of an opinion this database does not hold. */
    public static final class MissingOpinion extends RuntimeException {
        private final UUID opinionId;

        MissingOpinion(UUID opinionId) {
            super(opinionId.toString(), null, false, false);
            this.opinionId = opinionId;
        }

        public UUID opinionId() {
            return opinionId;
        }
    }

    /** Ends a dry run's transaction: everything it did is rolled back. */
    private static final class DryRun extends RuntimeException {
        private final Applied applied;

        DryRun(Applied applied) {
            super(null, null, false, false);
            this.applied = applied;
        }
    }

    private static String stringOf(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int intOf(Connection c, String sql, UUID id) throws SQLException {
        String v = stringOf(c, sql, id);
        return v == null ? 0 : Integer.parseInt(v);
    }

    private static Set<String> fieldSet(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(joined.split(",")));
    }

    private static int countEvents(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM handling_event");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void insertConflict(Connection c, UUID opinion, UUID batch, String field, String local,
                                       String incoming) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO handling_conflict (opinion_id, batch_id, field, "
                + "local_value, incoming, detected_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, opinion.toString());
            ps.setString(2, batch.toString());
            ps.setString(3, field);
            ps.setString(4, local);
            ps.setString(5, incoming);
            ps.setString(6, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    private static void insertBatch(Connection c, BatchRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO handling_batch (batch_id, direction, role, station, "
                + "sequence, sha256, file_name, cases, reference, at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, row.batchId().toString());
            ps.setString(2, row.direction());
            ps.setString(3, row.role());
            ps.setString(4, row.station());
            ps.setInt(5, row.sequence());
            ps.setString(6, row.sha256());
            ps.setString(7, row.fileName());
            ps.setInt(8, row.cases());
            ps.setString(9, row.reference());
            ps.setString(10, row.at().toString());
            ps.executeUpdate();
        }
    }

    // ---- helpers

    private static HandlingCase readCase(ResultSet rs) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : HandlingCase.FIELDS) {
            fields.put(f, rs.getString(f));
        }
        String dirty = rs.getString("dirty");
        Set<String> d = dirty == null || dirty.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(dirty.split(",")));
        return new HandlingCase(UUID.fromString(rs.getString("opinion_id")), rs.getString("station"), fields,
                rs.getInt("version"), d, Instant.parse(rs.getString("updated_at")));
    }

    static Event readEvent(ResultSet rs) throws SQLException {
        return new Event(UUID.fromString(rs.getString("event_id")), UUID.fromString(rs.getString("opinion_id")),
                Instant.parse(rs.getString("at")), rs.getString("actor"), rs.getString("action"),
                rs.getString("before"), rs.getString("after"));
    }

    private static Set<LocalDate> dates(String joined) {
        Set<LocalDate> out = new TreeSet<>();
        if (joined != null && !joined.isBlank()) {
            for (String d : joined.split(",")) {
                out.add(LocalDate.parse(d.trim()));
            }
        }
        return out;
    }

    private static String joinDates(Set<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}

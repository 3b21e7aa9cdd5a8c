package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** A handling batch written or read. */
    public record BatchRow(UUID batchId, String direction, String role, String station, int sequence, String sha256,
                           String fileName, int cases, Instant at) {
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
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM handling_case"
                    + (station == null ? "" : " WHERE station=?") + " ORDER BY assigned_at, opinion_id")) {
                if (station != null) {
                    ps.setString(1, station);
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

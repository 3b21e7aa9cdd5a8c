package org.liaisondesk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The handling of one opinion: its stage and the fields the loop fills in, kept as named text fields so the store,
 * the batches and the field-level merge treat them alike ({@link #FIELDS} are the names, also the column names).
 *
 * @param version counts handling changes on either side
 * @param dirty   fields changed here since the last exchange
 */
public record HandlingCase(UUID opinionId, String station, Map<String, String> fields, int version, Set<String> dirty,
                           Instant updatedAt) {

    /** Every field a handling case has, in the order batches and the store write them. */
    public static final List<String> FIELDS = List.of("stage", "assignment_no", "route", "main_unit",
            "assisting_units", "deputy_opinion", "assigned_at", "assigned_by", "due_date", "span_start", "extensions",
            "signed_at", "reply_text", "reply_signed_by", "reply_date", "reply_file", "outcome", "outcome_note",
            "promised_date", "fed_back_at", "rating", "visited_at", "visit_note", "rehandlings", "suggestion_no",
            "reason", "referral", "closed_at", "followup_result", "followup_note", "followup_date");

    public HandlingCase {
        Map<String, String> copy = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = fields.get(f);
            if (v != null) {
                copy.put(f, v);
            }
        }
        fields = Collections.unmodifiableMap(copy);
        dirty = Collections.unmodifiableSet(new TreeSet<>(dirty));
    }

    /** A case not yet stored: at {@code stage}, nothing else known. */
    public static HandlingCase fresh(UUID opinionId, String station, Stage stage) {
        return new HandlingCase(opinionId, station, Map.of("stage", stage.code()), 0, Set.of(), null);
    }

    public String get(String field) {
        return fields.get(field);
    }

    public Stage stage() {
        return Stage.fromCode(get("stage")).orElse(Stage.REGISTERED);
    }

    public Optional<LocalDate> dueDate() {
        return date("due_date");
    }

    public Optional<LocalDate> spanStart() {
        return date("span_start");
    }

    public Optional<LocalDate> promisedDate() {
        return date("promised_date");
    }

    public Optional<Outcome> outcome() {
        return Outcome.fromCode(get("outcome"));
    }

    public Optional<Rating> rating() {
        return Optional.ofNullable(get("rating")).flatMap(Rating::fromCode);
    }

    public int number(String field) {
        String v = get(field);
        return v == null || v.isBlank() ? 0 : Integer.parseInt(v.trim());
    }

    private Optional<LocalDate> date(String field) {
        String v = get(field);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(v.substring(0, 10)));
    }

    /** This case with {@code changes} applied (a null value clears a field); the changed fields become dirty. */
    public HandlingCase with(Map<String, String> changes) {
        Map<String, String> next = new LinkedHashMap<>(fields);
        Set<String> nextDirty = new TreeSet<>(dirty);
        changes.forEach((k, v) -> {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("not a handling field: " + k);
            }
            if (!java.util.Objects.equals(fields.get(k), v)) {
                nextDirty.add(k);
            }
            if (v == null) {
                next.remove(k);
            } else {
                next.put(k, v);
            }
        });
        return new HandlingCase(opinionId, station, next, version, nextDirty, updatedAt);
    }
}

package org.liaisondesk.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A resident's opinion or suggestion (意见建议) as stored.
 *
 * @param number     human-readable, unique per station, e.g. {@code GS-007-2023-000123}
 * @param receivedAt local time at the station (China has one time zone)
 * @param revision   increases by one on every change; batches carry it so the general station keeps the newest
 * @param generated  made by {@code generate} (demonstration or benchmark data), not a resident's real opinion
 */
public record Opinion(UUID id, String number, String station, LocalDateTime receivedAt, Channel channel,
                      Constituent constituent, String receivedBy, String text, List<AreaTag> tags,
                      Status status, Instant createdAt, Instant updatedAt, int revision, boolean deleted,
                      boolean generated) {

    public Opinion {
        tags = List.copyOf(tags);
    }

    /** A real (not generated) opinion. */
    public Opinion(UUID id, String number, String station, LocalDateTime receivedAt, Channel channel,
                   Constituent constituent, String receivedBy, String text, List<AreaTag> tags, Status status,
                   Instant createdAt, Instant updatedAt, int revision, boolean deleted) {
        this(id, number, station, receivedAt, channel, constituent, receivedBy, text, tags, status, createdAt,
                updatedAt, revision, deleted, false);
    }

    public Optional<AreaTag> primaryTag() {
        return tags.stream().filter(AreaTag::primary).findFirst();
    }

    /** Area numbers, primary first: the order the command line and the list show. */
    public List<Integer> areas() {
        return tags.stream()
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(AreaTag::area)
                .toList();
    }
}

package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.liaisondesk.model.TagFeedback;
import org.liaisondesk.model.TaxonomyVersion;

/** What the tagger learns from (people's confirmations and corrections) and the report versions it was built on. */
public final class TaggingRepository {

    private final Database db;

    public TaggingRepository(Database db) {
        this.db = db;
    }

    public void recordFeedback(UUID opinionId, TagFeedback feedback, String actor, String taxonomyVersion) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag_feedback (opinion_id, text, areas, "
                    + "proposed, actor, at, taxonomy_version) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, opinionId == null ? null : opinionId.toString());
                ps.setString(2, feedback.text());
                ps.setString(3, join(feedback.areas()));
                ps.setString(4, join(feedback.proposed()));
                ps.setString(5, actor);
                ps.setString(6, Instant.now().toString());
                ps.setString(7, taxonomyVersion);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every piece of feedback, oldest first; for one opinion corrected twice, both count (the later one too). */
    public List<TagFeedback> feedback() {
        return db.read(c -> {
            List<TagFeedback> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT text, areas, proposed FROM tag_feedback ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TagFeedback(rs.getString(1), split(rs.getString(2)), split(rs.getString(3))));
                }
            }
            return out;
        });
    }

    /** Stores a report version (once) and makes it the active one. */
    public void activateTaxonomy(String version, String title, String reportText) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO taxonomy (version, title, report_text, "
                    + "loaded_at, active) VALUES (?,?,?,?,0) ON CONFLICT (version) DO NOTHING")) {
                ps.setString(1, version);
                ps.setString(2, title);
                ps.setString(3, reportText);
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE taxonomy SET active = (version = ?)")) {
                ps.setString(1, version);
                ps.executeUpdate();
            }
            AuditLog.append(c, "system", "taxonomy", null, version);
            return null;
        });
    }

    public Optional<TaxonomyVersion> activeTaxonomy() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, title, report_text, loaded_at, active FROM taxonomy WHERE active = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readVersion(rs)) : Optional.<TaxonomyVersion>empty();
            }
        });
    }

    public List<TaxonomyVersion> taxonomies() {
        return db.read(c -> {
            List<TaxonomyVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, title, report_text, loaded_at, active FROM taxonomy ORDER BY loaded_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readVersion(rs));
                }
            }
            return out;
        });
    }

    private static TaxonomyVersion readVersion(ResultSet rs) throws java.sql.SQLException {
        return new TaxonomyVersion(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)),
                rs.getBoolean(5));
    }

    private static String join(List<Integer> areas) {
        return areas.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String areas) {
        if (areas == null || areas.isBlank()) {
            return List.of();
        }
        return Arrays.stream(areas.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}

package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionText;

/**
 * Stored same-matter groups (table {@code opinion_matter}, migration V029): each opinion names the seed of the star
 * it joined, so the dashboard's largest matters are a GROUP BY over the period's opinions instead of comparing every
 * opinion with the others. Opinions a clerk linked (V004 {@code opinion_link}) join their groups, as before.
 */
public final class MatterRepository {

    /** One group of the filter's opinions (oldest first) and the stations they came from. */
    public record Group(List<UUID> opinions, List<String> stations) {
    }

    private final Database db;

    public MatterRepository(Database db) {
        this.db = db;
    }

    /**
     * Where the opinions' texts stand: the latest change number (V004 {@code search_doc.seq}) and how many opinions
     * saved since wait for theirs (V030). It differs from an earlier one whenever a text was added, changed or
     * deleted since.
     */
    public record Version(long change, long waiting) {
    }

    public Version latestChange() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT coalesce(max(seq), 0) FROM search_doc), "
                    + "(SELECT count(*) FROM search_pending)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Version(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    /** Up to {@code limit} opinions without a group, stored after {@code afterRowid}, and the last one's rowid. */
    public record Pending(List<UUID> ids, long lastRowid) {
    }

    /**
     * The next {@code limit} opinions not in the recycle bin that have no group yet, in the order they were stored,
     * after {@code afterRowid} (0 for the first): grouping goes through them a slice at a time, so its memory does
     * not grow with the database (a first grouping of millions of imported opinions).
     */
    public Pending pending(long afterRowid, int limit) {
        return db.read(c -> {
            List<UUID> ids = new ArrayList<>();
            long last = afterRowid;
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, id FROM opinion o WHERE rowid > ? "
                    + "AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM opinion_matter m "
                    + "WHERE m.opinion_id = o.id) ORDER BY rowid LIMIT ?")) {
                ps.setLong(1, afterRowid);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        ids.add(UUID.fromString(rs.getString(2)));
                    }
                }
            }
            return new Pending(ids, last);
        });
    }

    /**
     * What grouping a slice needs to see: the opinions not in the recycle bin that seed a group, then the slice's
     * opinions that have no group yet (rowids after {@code afterRowid} up to {@code slice.lastRowid()}), each oldest
     * first. Members of existing groups are left out, so this stays far smaller than the database once grouped.
     */
    public void groupingTexts(long afterRowid, Pending slice, Consumer<OpinionText> sink) {
        db.read(c -> {
            c.setAutoCommit(false); // one snapshot for both reads
            try {
                texts(c, "SELECT o.id, o.station, o.text FROM (SELECT DISTINCT seed_id FROM opinion_matter) s "
                        + "JOIN opinion o ON o.id = s.seed_id WHERE o.deleted_at IS NULL ORDER BY o.rowid", sink);
                texts(c, "SELECT id, station, text FROM opinion o WHERE rowid > ? AND rowid <= ? "
                        + "AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM opinion_matter m "
                        + "WHERE m.opinion_id = o.id) ORDER BY rowid", sink, afterRowid, slice.lastRowid());
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    private static void texts(Connection c, String sql, Consumer<OpinionText> sink, long... rowids)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < rowids.length; i++) {
                ps.setLong(i + 1, rowids[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new OpinionText(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                            false));
                }
            }
        }
    }

    /** Every opinion that seeds a group (its own, at least). */
    public Set<UUID> seeds() {
        return db.read(c -> new java.util.LinkedHashSet<>(ids(c, "SELECT DISTINCT seed_id FROM opinion_matter")));
    }

    /** Records each opinion's seed (opinion id to seed id) in one transaction. */
    public void save(Map<UUID, UUID> seedOf) {
        if (seedOf.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO opinion_matter (opinion_id, seed_id) VALUES (?, ?)")) {
                for (Map.Entry<UUID, UUID> e : seedOf.entrySet()) {
                    ps.setString(1, e.getKey().toString());
                    ps.setString(2, e.getValue().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * The {@code limit} largest groups of at least two of the opinions the filter selects, largest first: stored
     * stars counted in SQL, merged where a clerk linked members of two of them, members read for those groups only.
     */
    public List<Group> largest(OpinionFilter filter, int limit) {
        SqlFilter where = SqlFilter.of(filter);
        return db.read(c -> {
            c.setAutoCommit(false);
            try {
                Map<String, Long> size = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT m.seed_id, count(*) FROM opinion INDEXED BY "
                        + "opinion_stats JOIN opinion_matter m ON m.opinion_id = opinion.id" + where.sql()
                        + " GROUP BY 1 HAVING count(*) >= 2 OR m.seed_id IN (SELECT lm.seed_id FROM opinion_link l "
                        + "JOIN opinion_matter lm ON lm.opinion_id = l.opinion_id)")) {
                    where.bind(ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            size.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                // Linked opinions of the filter join their stars: union of the seeds per linked matter.
                Map<String, String> parent = new HashMap<>();
                Map<String, String> seedOfMatter = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT l.matter_id, m.seed_id FROM opinion_link l "
                        + "JOIN opinion ON opinion.id = l.opinion_id JOIN opinion_matter m "
                        + "ON m.opinion_id = l.opinion_id" + where.sql())) {
                    where.bind(ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String seed = rs.getString(2);
                            String other = seedOfMatter.putIfAbsent(rs.getString(1), seed);
                            if (other != null) {
                                union(parent, seed, other);
                            }
                        }
                    }
                }
                Map<String, List<String>> seedsOf = new HashMap<>();
                Map<String, Long> total = new HashMap<>();
                size.forEach((seed, n) -> {
                    String root = find(parent, seed);
                    seedsOf.computeIfAbsent(root, k -> new ArrayList<>()).add(seed);
                    total.merge(root, n, Long::sum);
                });
                List<String> roots = total.entrySet().stream().filter(e -> e.getValue() >= 2)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(limit).map(Map.Entry::getKey).toList();
                return members(c, where, roots, seedsOf, parent);
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        });
    }

    /** The members of the groups named by {@code roots}, in that order, each group's oldest first. */
    private static List<Group> members(Connection c, SqlFilter where, List<String> roots,
                                       Map<String, List<String>> seedsOf, Map<String, String> parent)
            throws SQLException {
        if (roots.isEmpty()) {
            return List.of();
        }
        List<String> seeds = roots.stream().flatMap(r -> seedsOf.get(r).stream()).toList();
        Map<String, List<UUID>> ids = new LinkedHashMap<>();
        Map<String, TreeSet<String>> stations = new HashMap<>();
        roots.forEach(r -> {
            ids.put(r, new ArrayList<>());
            stations.put(r, new TreeSet<>());
        });
        try (PreparedStatement ps = c.prepareStatement("SELECT opinion.id, opinion.station, m.seed_id "
                + "FROM opinion_matter m JOIN opinion ON opinion.id = m.opinion_id" + where.sql()
                + " AND m.seed_id IN (" + String.join(",", java.util.Collections.nCopies(seeds.size(), "?"))
                + ") ORDER BY opinion.rowid")) {
            int i = where.bind(ps, 1);
            for (String s : seeds) {
                ps.setString(i++, s);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String root = find(parent, rs.getString(3));
                    ids.get(root).add(UUID.fromString(rs.getString(1)));
                    stations.get(root).add(rs.getString(2));
                }
            }
        }
        List<Group> out = new ArrayList<>();
        for (String r : roots) {
            out.add(new Group(List.copyOf(ids.get(r)), List.copyOf(stations.get(r))));
        }
        out.sort(Comparator.comparingInt((Group g) -> g.opinions().size()).reversed());
        return out;
    }

    private static List<UUID> ids(Connection c, String sql) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(UUID.fromString(rs.getString(1)));
            }
        }
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.get(x);
        while (p != null && !p.equals(x)) {
            x = p;
            p = parent.get(x);
        }
        return x;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) > 0 ? ra : rb, ra.compareTo(rb) > 0 ? rb : ra);
        }
    }
}

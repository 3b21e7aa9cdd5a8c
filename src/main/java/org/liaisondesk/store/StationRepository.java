package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;

/** This installation's identity (one row). */
public final class StationRepository {

    private final Database db;

    public StationRepository(Database db) {
        this.db = db;
    }

    public Optional<Station> find() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, name, mode FROM station WHERE id=1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Station>empty();
                }
                return Optional.of(new Station(rs.getString(1), rs.getString(2),
                        StationMode.fromCode(rs.getString(3)).orElse(StationMode.STATION)));
            }
        });
    }

    /**
     * Sets the identity once. Opinions recorded before it was set (under the provisional code) are adopted by the
     * station, so numbers stay unique per station.
     *
     * @return false when an identity is already set
     */
    public boolean initialize(Station station, String provisionalCode, String actor) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO station (id, code, name, mode, created_at) "
                    + "VALUES (1,?,?,?,?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, station.code());
                ps.setString(2, station.name());
                ps.setString(3, station.mode().code());
                ps.setString(4, Instant.now().toString());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            if (provisionalCode != null && !provisionalCode.equals(station.code())) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE opinion SET station=?, "
                        + "number=? || substr(number, length(?) + 1) WHERE station=?")) {
                    ps.setString(1, station.code());
                    ps.setString(2, station.code());
                    ps.setString(3, provisionalCode);
                    ps.setString(4, provisionalCode);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE opinion_sequence SET station=? WHERE station=?")) {
                    ps.setString(1, station.code());
                    ps.setString(2, provisionalCode);
                    ps.executeUpdate();
                }
            }
            AuditLog.append(c, actor, "init", null, station.code() + " " + station.mode().code());
            return true;
        });
    }
}

package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The entry form's unsaved opinion, as opaque text (JSON), so a crash or accidental close loses nothing. */
public final class DraftRepository {

    private final Database db;

    public DraftRepository(Database db) {
        this.db = db;
    }

    public Optional<String> load() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM draft WHERE id=1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    public void save(String content) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft (id, content, saved_at) VALUES (1,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET content=excluded.content, saved_at=excluded.saved_at")) {
                ps.setString(1, content);
                ps.setString(2, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void clear() {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM draft")) {
                ps.executeUpdate();
            }
            return null;
        });
    }
}

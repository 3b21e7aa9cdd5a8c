package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;

/** Local accounts. Every change is recorded in the audit log in the same transaction; hashes are never logged. */
public final class UserRepository {

    private static final String COLUMNS = "name, role, failed_attempts, locked_until, created_at, password_set_at, "
            + "disabled_at";

    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    public long count() {
        return db.read(UserRepository::countIn);
    }

    /**
     * Adds an account; with {@code onlyIfNone} only when there is no account at all (the first administrator), so
     * two first-run dialogs cannot both create one. Returns false when the name is taken (or accounts exist).
     */
    public boolean add(String name, Role role, String passwordHash, Instant now, boolean onlyIfNone, String actor) {
        return db.write(c -> {
            if (onlyIfNone && countIn(c) > 0) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (name, role, password_hash, "
                    + "created_at, password_set_at) VALUES (?,?,?,?,?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setString(2, role.code());
                ps.setString(3, passwordHash);
                ps.setString(4, now.toString());
                ps.setString(5, now.toString());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, actor, "user-add", null, name + " " + role.code());
            return true;
        });
    }

    public Optional<UserAccount> find(String name) {
        return db.read(c -> findIn(c, name));
    }

    public List<UserAccount> list() {
        return db.read(c -> {
            List<UserAccount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    public Optional<String> passwordHash(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE name=?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Sets a new password hash (a change, or a silent re-hash with stronger parameters at login). */
    public boolean setPassword(String name, String passwordHash, Instant now, String actor, String action) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET password_hash=?, password_set_at=? WHERE name=?")) {
                ps.setString(1, passwordHash);
                ps.setString(2, now.toString());
                ps.setString(3, name);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, actor, action, null, name);
            return true;
        });
    }

    /** A successful login: clears the failure count and any expired lock. */
    public void recordSuccess(String name) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET failed_attempts=0, locked_until=NULL WHERE name=?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            AuditLog.append(c, name, "login", null, null);
            return null;
        });
    }

    /**
     * A wrong password: counts it and, at {@code maxFailures}, locks the account until {@code lockUntil}.
     *
     * @return the account as it is now
     */
    public UserAccount recordFailure(String name, int maxFailures, Instant lockUntil) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET failed_attempts=failed_attempts+1 "
                    + "WHERE name=?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            AuditLog.append(c, name, "login-failed", null, null);
            UserAccount now = findIn(c, name).orElseThrow();
            if (now.failedAttempts() >= maxFailures) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE app_user SET failed_attempts=0, locked_until=? WHERE name=?")) {
                    ps.setString(1, lockUntil.toString());
                    ps.setString(2, name);
                    ps.executeUpdate();
                }
                AuditLog.append(c, "system", "user-locked", null, name + " until " + lockUntil);
                return findIn(c, name).orElseThrow();
            }
            return now;
        });
    }

    public boolean unlock(String name, String actor) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET failed_attempts=0, locked_until=NULL WHERE name=?")) {
                ps.setString(1, name);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, actor, "user-unlock", null, name);
            return true;
        });
    }

    /** Gives the account another role; false when there is no such account. */
    public boolean setRole(String name, Role role, String actor) {
        return updateAccount("UPDATE app_user SET role=? WHERE name=?", role.code(), name, actor, "user-role",
                name + " " + role.code());
    }

    /** Disables the account ({@code at} the time) or, with null, enables it again; false when there is none. */
    public boolean setDisabled(String name, Instant at, String actor) {
        return updateAccount("UPDATE app_user SET disabled_at=? WHERE name=?", at == null ? null : at.toString(),
                name, actor, at == null ? "user-enable" : "user-disable", name);
    }

    private boolean updateAccount(String sql, String value, String name, String actor, String action,
                                  String detail) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setString(2, name);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, actor, action, null, detail);
            return true;
        });
    }

    private static long countIn(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM app_user");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    private static Optional<UserAccount> findIn(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE name=?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static UserAccount read(ResultSet rs) throws SQLException {
        String locked = rs.getString("locked_until");
        String disabled = rs.getString("disabled_at");
        return new UserAccount(rs.getString("name"), Role.fromCode(rs.getString("role")).orElse(Role.CLERK),
                rs.getInt("failed_attempts"), locked == null ? null : Instant.parse(locked),
                Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("password_set_at")),
                disabled == null ? null : Instant.parse(disabled));
    }
}

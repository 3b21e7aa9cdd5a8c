package org.liaisondesk.service;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.store.UserRepository;

/**
 * Local accounts: the first administrator at first run, adding people, changing passwords, logging in with a
 * lockout after {@value #MAX_FAILURES} wrong passwords in a row (locked for {@link #LOCK_TIME}, recorded in the
 * audit log), unlocking.
 */
public final class UserService {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 256;
    /** Letters of any script (Chinese names), digits, dot, underscore, hyphen. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,32}");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** True until the first account exists: the window then asks for the first administrator before anything. */
    public boolean needsFirstAdministrator() {
        return users.count() == 0;
    }

    /** The first run's administrator; refused once any account exists. */
    public UserAccount createFirstAdministrator(String name, char[] password) {
        String clean = checkName(name);
        if (!users.add(clean, Role.ADMIN, hasher.hash(checkPassword(password)), clock.instant(), true, clean)) {
            throw new UserFacingException("user.error.firstExists");
        }
        return users.find(clean).orElseThrow();
    }

    /** Adds an account; when none exists yet, it must be an administrator. */
    public UserAccount add(String name, Role role, char[] password, String actor) {
        String clean = checkName(name);
        char[] checked = checkPassword(password);
        if (needsFirstAdministrator() && role != Role.ADMIN) {
            throw new UserFacingException("user.error.firstMustBeAdmin");
        }
        if (!users.add(clean, role, hasher.hash(checked), clock.instant(), false, actor)) {
            throw new UserFacingException("user.error.exists", clean);
        }
        return users.find(clean).orElseThrow();
    }

    public List<UserAccount> list() {
        return users.list();
    }

    public void changePassword(String name, char[] newPassword, String actor) {
        if (!users.setPassword(name, hasher.hash(checkPassword(newPassword)), clock.instant(), actor, "user-passwd")) {
            throw new UserFacingException("user.error.notFound", name);
        }
    }

    /** Gives {@code name} another role; the station always keeps an administrator who can log in. */
    public void changeRole(String name, Role role, String actor) {
        UserAccount account = require(name);
        if (account.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdministrator(account);
        }
        users.setRole(account.name(), role, actor);
    }

    /**
     * Disables an account: it can no longer log in, but it is never erased (the audit log and the opinions'
     * history keep naming it). Nobody disables themselves, and the last administrator stays.
     */
    public void disable(String name, String actor) {
        UserAccount account = require(name);
        if (account.name().equals(actor)) {
            throw new UserFacingException("user.error.disableSelf");
        }
        if (account.role() == Role.ADMIN) {
            requireAnotherAdministrator(account);
        }
        users.setDisabled(account.name(), clock.instant(), actor);
    }

    public void enable(String name, String actor) {
        users.setDisabled(require(name).name(), null, actor);
    }

    private UserAccount require(String name) {
        return users.find(name == null ? "" : name.strip())
                .orElseThrow(() -> new UserFacingException("user.error.notFound", name));
    }

    private void requireAnotherAdministrator(UserAccount leaving) {
        boolean another = users.list().stream().anyMatch(u -> u.role() == Role.ADMIN && !u.disabled()
                && !u.name().equals(leaving.name()));
        if (!another) {
            throw new UserFacingException("user.error.lastAdministrator", leaving.name());
        }
    }

    public void unlock(String name, String actor) {
        if (!users.unlock(name, actor)) {
            throw new UserFacingException("user.error.notFound", name);
        }
    }

    /**
     * Logs in. A wrong name and a wrong password get the same message (and take the same time); a locked account
     * is refused even with the right password until the lock ends or an administrator unlocks it.
     */
    public UserAccount authenticate(String name, char[] password) {
        Instant now = clock.instant();
        String clean = name == null ? "" : name.strip();
        UserAccount account = users.find(clean).orElse(null);
        if (account == null) {
            hasher.dummyVerify(password);
            throw new UserFacingException("user.error.badLogin");
        }
        if (account.disabled()) {
            hasher.dummyVerify(password);
            throw new UserFacingException("user.error.disabled", account.name());
        }
        if (account.lockedAt(now)) {
            throw locked(account);
        }
        String stored = users.passwordHash(clean).orElseThrow();
        char[] normalized = normalize(password);
        if (!hasher.verify(normalized, stored)) {
            UserAccount after = users.recordFailure(clean, MAX_FAILURES, now.plus(LOCK_TIME));
            if (after.lockedAt(now)) {
                throw locked(after);
            }
            throw new UserFacingException("user.error.badPassword", MAX_FAILURES - after.failedAttempts());
        }
        users.recordSuccess(clean);
        if (hasher.needsRehash(stored)) {
            users.setPassword(clean, hasher.hash(normalized), now, clean, "password-rehash");
        }
        return users.find(clean).orElseThrow();
    }

    private UserFacingException locked(UserAccount account) {
        LocalDateTime until = LocalDateTime.ofInstant(account.lockedUntil(), clock.getZone()).withNano(0);
        return new UserFacingException("user.error.locked", until.toLocalTime().toString(), MAX_FAILURES);
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (!NAME.matcher(clean).matches()) {
            throw new UserFacingException("user.error.name", clean);
        }
        return clean;
    }

    /**
     * Any printable characters (Chinese, emoji, quotes, symbols) of {@value #MIN_PASSWORD} to {@value #MAX_PASSWORD}
     * characters; control characters (NUL, line breaks, ...) cannot be typed into the login dialog, so are refused.
     * Stored in Unicode NFC so the same password typed through different input methods matches.
     */
    private static char[] checkPassword(char[] password) {
        char[] p = normalize(password);
        int length = String.valueOf(p).codePointCount(0, p.length);
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new UserFacingException("user.error.passwordLength", MIN_PASSWORD, MAX_PASSWORD);
        }
        for (int i = 0; i < p.length; i++) {
            if (Character.isISOControl(p[i])) {
                throw new UserFacingException("user.error.passwordControl", String.format("U+%04X", (int) p[i]),
                        i + 1);
            }
        }
        return p;
    }

    private static char[] normalize(char[] password) {
        return Normalizer.normalize(password == null ? "" : String.valueOf(password), Normalizer.Form.NFC)
                .toCharArray();
    }
}

package org.liaisondesk.service;

import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.Permissions.Action;

/**
 * Who a command-line run acts for, and what that allows. A proven account (its password given) acts with its role
 * and is named in the audit log by its account name. Without proof the run is the operating-system user, named
 * {@code os:<name>} in the audit log: while the database has no accounts yet it is the station's local operator
 * (may do everything, e.g. create the first administrator); once accounts exist it may do what needs no role (the
 * contract's commands) but no administrator action, and sees residents' contacts as the most restricted role does.
 *
 * @param actor the audit log's "who"
 * @param role  the proven account's role, {@link Role#ADMIN} for the local operator of a database without accounts,
 *              null for an unproven user once accounts exist
 * @param account the proven account's name, or null
 */
public record Caller(String actor, Role role, String account) {

    /** The prefix that marks an unproven operating-system user in the audit log. */
    public static final String OS_PREFIX = "os:";

    public static Caller proven(UserAccount account) {
        return new Caller(account.name(), account.role(), account.name());
    }

    /**
     * An unproven run by operating-system user {@code osUser}; {@code claimed} is a name given without proof (kept
     * in the audit log after a slash, only possible while there are no accounts).
     */
    public static Caller unproven(String osUser, String claimed, boolean noAccounts) {
        String actor = OS_PREFIX + osUser + (claimed == null || claimed.isBlank() ? "" : "/" + claimed.strip());
        return new Caller(actor, noAccounts ? Role.ADMIN : null, null);
    }

    public boolean proven() {
        return account != null;
    }

    /** True when this caller is the proven account {@code name}. */
    public boolean is(String name) {
        return account != null && account.equals(name == null ? null : name.strip());
    }

    /** Refuses an action the role does not allow; an unproven user is told to prove an account. */
    public void require(Action action) {
        if (role == null) {
            throw new UserFacingException("access.error.proofNeeded");
        }
        Permissions.require(role, action);
    }

    /** A resident's contact as this caller may see it (the window's rule; unproven: the most restricted view). */
    public Constituent contactView(Constituent who) {
        if (who == null) {
            return null;
        }
        return ContactPolicy.forViewer(who, role == null ? Role.DEPUTY : role);
    }
}

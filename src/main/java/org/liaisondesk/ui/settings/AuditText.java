package org.liaisondesk.ui.settings;

import java.util.MissingResourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisondesk.i18n.Messages;

/**
 * The audit log in the reader's language. The log itself stays as written (codes and {@code key=value} details,
 * what the chain of entries covers); only its display is translated: action names, detail keys and known phrases.
 * A code or key without a translation is shown as written, never dropped.
 */
final class AuditText {

    /** An account's name and a role code, as user-add and user-role record them. */
    private static final Pattern NAME_AND_ROLE = Pattern.compile("(\\S+) ([a-z-]+)");
    /** user-locked: "NAME until TIME". */
    private static final Pattern LOCKED_UNTIL = Pattern.compile("(\\S+) until (\\S+)");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z]+)=(\\S*)");
    private static final Pattern REVISION = Pattern.compile("^revision (\\d+)$");

    private final Messages messages;

    AuditText(Messages messages) {
        this.messages = messages;
    }

    /** "import" → "导入批次". */
    String action(String code) {
        return optional("audit.action." + code, code);
    }

    /** "batch=… signedBy=none" → "批次:… 签名:无"; "revision 3" → "第 3 版"; line breaks cannot forge a row. */
    String detail(String detail) {
        if (detail == null) {
            return "";
        }
        String oneLine = detail.replace('\r', ' ').replace('\n', ' ');
        Matcher revision = REVISION.matcher(oneLine);
        if (revision.matches()) {
            return messages.get("audit.detail.revision", Integer.parseInt(revision.group(1)));
        }
        Matcher role = NAME_AND_ROLE.matcher(oneLine);
        if (role.matches() && messages.has("role." + role.group(2))) {
            // user-add and user-role: "王强 clerk" → "王强 工作人员"
            return role.group(1) + " " + messages.get("role." + role.group(2));
        }
        Matcher locked = LOCKED_UNTIL.matcher(oneLine);
        if (locked.matches()) {
            return messages.get("audit.detail.lockedUntil", locked.group(1), locked.group(2));
        }
        Matcher m = KEY_VALUE.matcher(oneLine);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = optional("audit.value." + m.group(2), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    optional("audit.detail." + m.group(1), m.group(1)) + messages.get("audit.detail.separator")
                            + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String optional(String key, String fallback) {
        try {
            return messages.bundle().getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}

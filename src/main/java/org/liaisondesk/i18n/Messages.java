package org.liaisondesk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user's language: one bundle ({@code messages_zh_CN}, {@code messages_en}) for the window and the command line. */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final String BUNDLE = "org.liaisondesk.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code zh} (default) or {@code en}; anything else falls back to Chinese. */
    public static Messages forLanguage(String language) {
        return new Messages("en".equalsIgnoreCase(language) ? Locale.ENGLISH : CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** Is there a text for {@code key}? (For texts chosen by a code, with a fallback to the code itself.) */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Without arguments the pattern is shown as it is; an apostrophe doubled for MessageFormat is still one.
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }
}

package org.liaisondesk.ui.entry;

/**
 * The entry form as typed, kept as JSON by the draft repository so a crash or an accidental close loses nothing.
 * Plain strings, so a half-typed date or phone number comes back exactly as it was.
 */
public record EntryDraft(String text, String channel, String receivedDate, String receivedTime, String name,
                         String phone, String address, boolean consent, String receivedBy) {

    /** Nothing a person typed: no draft worth keeping or offering. */
    public boolean nothingTyped() {
        return blank(text) && blank(name) && blank(phone) && blank(address);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

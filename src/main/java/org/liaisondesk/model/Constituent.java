package org.liaisondesk.model;

/** The resident who gave the opinion. Every field is optional: anonymous opinions are common. */
public record Constituent(String name, String phone, String address, boolean consentToContact) {

    public static final Constituent ANONYMOUS = new Constituent(null, null, null, false);

    public boolean isAnonymous() {
        return name == null && phone == null && address == null;
    }
}

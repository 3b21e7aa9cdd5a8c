package org.liaisondesk.service;

import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Role;
import org.liaisondesk.store.AuditRepository;
import org.liaisondesk.store.SettingsRepository;

/**
 * What of a resident's contact details leaves this desk, and who sees them: the one place the consent-to-contact
 * flag is turned into decisions (see docs/privacy.md for everywhere it is used).
 */
public final class ContactPolicy {

    public static final String EXPORT_SETTING = "export.privacy";

    private final SettingsRepository settings;
    private final AuditRepository audit;

    public ContactPolicy(SettingsRepository settings, AuditRepository audit) {
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * The resident's details as an exported batch carries them. {@link ExportPrivacy#BY_CONSENT}: full with consent,
     * none without. {@link ExportPrivacy#FULL}: full with consent, masked without (consent is still respected).
     * {@link ExportPrivacy#MASKED}: masked for all. {@link ExportPrivacy#NONE}: none. The consent flag itself always
     * travels.
     */
    public static Constituent forExport(Opinion opinion, ExportPrivacy privacy) {
        Constituent who = opinion.constituent();
        boolean consent = who.consentToContact();
        return switch (privacy) {
            case BY_CONSENT -> consent ? who : withoutDetails(who);
            case FULL -> consent ? who : Masking.mask(who);
            case MASKED -> Masking.mask(who);
            case NONE -> withoutDetails(who);
        };
    }

    /** The resident's details as a person in {@code role} sees them on screen or in a printout. */
    public static Constituent forViewer(Constituent who, Role role) {
        return Permissions.seesFullContact(role, who) ? who : Masking.mask(who);
    }

    /** The installation's export setting (default: by consent). */
    public ExportPrivacy exportPrivacy() {
        return settings.get(EXPORT_SETTING).flatMap(ExportPrivacy::fromCode).orElse(ExportPrivacy.BY_CONSENT);
    }

    public void setExportPrivacy(ExportPrivacy privacy, String actor) {
        settings.put(EXPORT_SETTING, privacy.code());
        audit.record(actor, "setting", null, EXPORT_SETTING + "=" + privacy.code());
    }

    /** The details as the export setting says: what the batch writer calls for each opinion. */
    public Constituent forExport(Opinion opinion) {
        return forExport(opinion, exportPrivacy());
    }

    private static Constituent withoutDetails(Constituent who) {
        return new Constituent(null, null, null, who.consentToContact());
    }
}

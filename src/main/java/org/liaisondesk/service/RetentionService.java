package org.liaisondesk.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.store.AuditRepository;
import org.liaisondesk.store.RetentionRepository;
import org.liaisondesk.store.SettingsRepository;

/**
 * PIPL retention: {@value #DEFAULT_YEARS} years (setting {@value #YEARS_SETTING}) after a closed opinion last
 * changed, the resident's name, phone and address are erased; the text and tags stay for statistics.
 */
public final class RetentionService {

    public static final String YEARS_SETTING = "retention.years";
    public static final int DEFAULT_YEARS = 3;

    private final RetentionRepository retention;
    private final SettingsRepository settings;
    private final AuditRepository audit;
    private final Clock clock;

    public RetentionService(RetentionRepository retention, SettingsRepository settings, AuditRepository audit,
                            Clock clock) {
        this.retention = retention;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public int years() {
        return settings.get(YEARS_SETTING).map(Integer::parseInt).orElse(DEFAULT_YEARS);
    }

    public void setYears(int years, String actor) {
        if (years < 1 || years > 30) {
            throw new UserFacingException("retention.error.years", years);
        }
        settings.put(YEARS_SETTING, Integer.toString(years));
        audit.record(actor, "setting", null, YEARS_SETTING + "=" + years);
    }

    /** Closed opinions last changed before this instant are due. */
    public Instant cutoff() {
        return LocalDateTime.now(clock).minusYears(years()).atZone(clock.getZone()).toInstant();
    }

    public long due() {
        return retention.countDue(cutoff());
    }

    /** Erases what is due; every erased opinion and the run itself are in the audit log. Returns how many. */
    public int run(String actor) {
        Instant cutoff = cutoff();
        int erased = retention.erase(cutoff, clock.instant(), actor);
        audit.record(actor, "retention-run", null, erased + " erased, closed before " + cutoff);
        return erased;
    }
}

package org.liaisondesk.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.DutyRecord;
import org.liaisondesk.model.ReceptionDay;
import org.liaisondesk.store.ReportRepository;

/**
 * Deputies' reception days (代表接待日) and the duty records (代表履职档案) made from them and from the deputies'
 * reviews: per deputy and year, receptions attended, residents received, opinions reviewed, suggestions made.
 */
public final class ReceptionService {

    static final int MAX_TEXT = 200;

    private final ReportRepository reports;
    private final Clock clock;

    public ReceptionService(ReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Records a reception day; names are trimmed, duplicates dropped. */
    public ReceptionDay add(LocalDate heldOn, String place, List<String> deputies, int residents, String note,
                            String actor) {
        if (heldOn == null) {
            throw new UserFacingException("reception.error.date");
        }
        String where = place == null ? "" : place.strip();
        if (where.isEmpty() || where.length() > MAX_TEXT) {
            throw new UserFacingException("reception.error.place");
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String d : deputies) {
            String n = d.strip();
            if (!n.isEmpty()) {
                if (n.length() > MAX_TEXT) {
                    throw new UserFacingException("reception.error.deputies");
                }
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            throw new UserFacingException("reception.error.deputies");
        }
        if (residents < 0) {
            throw new UserFacingException("reception.error.residents", residents);
        }
        ReceptionDay day = new ReceptionDay(UUID.randomUUID(), heldOn, where, List.copyOf(names), residents,
                note == null || note.isBlank() ? null : note.strip());
        reports.addReception(day, actor, clock.instant());
        return day;
    }

    /** Reception days in the range (both inclusive; null: open), by date. */
    public List<ReceptionDay> list(LocalDate from, LocalDate to) {
        return reports.receptions(from, to);
    }

    /** Every deputy's duty record for {@code year}, by name. */
    public List<DutyRecord> duty(int year) {
        return reports.dutyRecords(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}

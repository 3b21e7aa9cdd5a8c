package org.liaisondesk.service;

import java.util.List;
import java.util.Optional;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.StationRepository;

/** Sets and reads this installation's identity. */
public final class StationService {

    /** Opinions recorded before the station is set up carry this code until {@link #initialize} adopts them. */
    public static final String PROVISIONAL_CODE = "LOCAL";

    private final StationRepository stations;
    private final InputRules rules;
    private volatile Station cached;

    public StationService(StationRepository stations, InputRules rules) {
        this.stations = stations;
        this.rules = rules;
    }

    public Optional<Station> current() {
        Station s = cached;
        if (s == null) {
            Optional<Station> found = stations.find();
            found.ifPresent(f -> cached = f);
            return found;
        }
        return Optional.of(s);
    }

    /**
     * Forgets the identity read so far: after a restore (or a migration to another station's backup) the database may
     * hold another identity, and everything shown or numbered from then on must use the new one.
     */
    public Optional<Station> reload() {
        cached = null;
        return current();
    }

    /** The code new opinions get: the station's, or the provisional one before set-up. */
    public String codeForNewOpinions() {
        return current().map(Station::code).orElse(PROVISIONAL_CODE);
    }

    /**
     * Sets the identity once. Repeating the same identity is harmless; a different one is refused, because numbers,
     * batches and the general station's records all carry the code.
     */
    public Station initialize(String code, String name, StationMode mode, String actor) {
        List<Problem> problems = rules.checkStation(code, name);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Station wanted = new Station(code, name.strip(), mode);
        if (!stations.initialize(wanted, PROVISIONAL_CODE, actor)) {
            Station existing = current().orElseThrow();
            if (!existing.equals(wanted)) {
                throw new UserFacingException("station.error.alreadySet", existing.code(), existing.name(),
                        existing.mode().code());
            }
            return existing;
        }
        cached = wanted;
        return wanted;
    }
}

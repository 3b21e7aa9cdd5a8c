package org.liaisondesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.liaisondesk.generate.GeneratedOpinion;
import org.liaisondesk.generate.OpinionGenerator;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionIds;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.store.ExchangeRepository;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.ReviewRepository;
import org.liaisondesk.store.SettingsRepository;

/** Fills a database with reproducible synthetic opinions for demonstrations, tests and benchmarks. */
public final class GenerateService {

    /** Opinions per transaction: large enough to amortise the durable commit, small enough to show progress. */
    static final int CHUNK = 5_000;

    private final OpinionRepository opinions;
    private final ReviewRepository reviews;
    private final StationService stations;
    private final OpinionService opinionService;
    private final Clock clock;
    private final SettingsRepository settings;

    public GenerateService(OpinionRepository opinions, ReviewRepository reviews, StationService stations,
                           OpinionService opinionService, Clock clock, SettingsRepository settings) {
        this.settings = settings;
        this.opinions = opinions;
        this.reviews = reviews;
        this.stations = stations;
        this.opinionService = opinionService;
        this.clock = clock;
    }

    /**
     * A liaison station holds only its own opinions, so it generates for itself whatever the count asked; the general
     * station, or a database not yet set up, generates for {@code stationCount} stations.
     */
    public List<Station> stationsFor(int stationCount) {
        return stations.current().filter(s -> s.mode() == StationMode.STATION).map(List::of)
                .orElseGet(() -> OpinionGenerator.stations(stationCount));
    }

    /**
     * Test data must never mix with residents' real opinions, which the next export would send as real: a database
     * holding opinions that {@code generate} did not make is refused unless {@code demo} says it is a demonstration.
     * With {@code demo} the database is recorded as a demonstration database, whose exports carry generated opinions
     * too (see {@code ExchangeRepository.carriesGenerated}); without it, generated opinions never leave a station
     * that holds real ones.
     */
    public void requireNoRealOpinions(boolean demo) {
        long real = opinions.count(OpinionFilter.ALL) - opinions.countGenerated(OpinionFilter.ALL);
        if (real > 0 && !demo) {
            throw new UserFacingException("generate.error.realOpinions", real);
        }
        if (demo) {
            settings.put(ExchangeRepository.DEMO_SETTING, "true");
        }
    }

    /**
     * Generates and stores {@code count} opinions, marked as generated (V025) and tagged by the tagger; reports progress after each chunk. An opinion
     * generated as reviewed gets its review (by {@code actor}, normal priority, no note) and history entry, so no
     * reviewed opinion lacks a review.
     */
    public long generate(long count, int stationCount, long seed, String actor, LongConsumer progress) {
        Iterator<GeneratedOpinion> source = new OpinionGenerator(seed, stationsFor(stationCount)).iterator(count);
        List<Opinion> chunk = new ArrayList<>(CHUNK);
        List<Review> reviewed = new ArrayList<>();
        long done = 0;
        Instant now = clock.instant();
        while (source.hasNext()) {
            GeneratedOpinion g = source.next();
            OpinionInput in = g.input();
            Opinion o = new Opinion(OpinionIds.next(), null, g.station().code(), in.receivedAt(), in.channel(),
                    in.constituent(), in.receivedBy(), in.text(), opinionService.autoTags(in.text()), g.status(), now,
                    now, 1, false, true);
            chunk.add(o);
            if (g.status() == Status.REVIEWED) {
                reviewed.add(new Review(o.id(), null, Priority.NORMAL, null, null, null, actor, now));
            }
            if (chunk.size() == CHUNK || !source.hasNext()) {
                opinions.createAll(chunk, actor);
                reviews.storeGenerated(reviewed);
                reviewed.clear();
                done += chunk.size();
                chunk.clear();
                progress.accept(done);
            }
        }
        return done;
    }
}

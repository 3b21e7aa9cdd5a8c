package org.liaisondesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionIds;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.OpinionText;
import org.liaisondesk.model.Progress;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagFeedback;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.tagging.Suggestion;
import org.liaisondesk.tagging.Tagger;

/** Records, edits and deletes opinions: validation, numbering and automatic tagging in one place. */
public final class OpinionService {

    /** More areas than this are noise for a reader; the tagger ranks them anyway. */
    static final int MAX_AUTO_AREAS = 3;

    private final OpinionRepository opinions;
    private final StationService station;
    private final InputRules rules;
    private final TaggingService tagging;
    private final SearchIndexer indexer;
    private final Clock clock;

    public OpinionService(OpinionRepository opinions, StationService station, InputRules rules, TaggingService tagging,
                          SearchIndexer indexer, Clock clock) {
        this.opinions = opinions;
        this.station = station;
        this.rules = rules;
        this.tagging = tagging;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * Validates and stores a new opinion; tags it automatically when the input carries no tags. Tags a person chose
     * are also kept as feedback the tagger learns from.
     */
    public Opinion record(OpinionInput input, String actor) {
        OpinionInput clean = validated(input);
        Instant now = clock.instant();
        List<AreaTag> tags = clean.tags().isEmpty() ? autoTags(clean.text()) : clean.tags();
        Opinion draft = new Opinion(OpinionIds.next(), null, station.codeForNewOpinions(), clean.receivedAt(),
                clean.channel(), clean.constituent(), clean.receivedBy(), clean.text(), tags, Status.RECORDED, now,
                now, 1, false);
        Opinion saved = opinions.create(draft, actor);
        indexer.soon();
        learnIfChosenByPerson(saved, actor);
        return saved;
    }

    private void learnIfChosenByPerson(Opinion saved, String actor) {
        if (saved.tags().stream().anyMatch(t -> t.source() != TagSource.AUTO)) {
            List<Integer> proposed = autoTags(saved.text()).stream().map(AreaTag::area).toList();
            tagging.recordFeedback(saved.id(), new TagFeedback(saved.text(), saved.areas(), proposed), actor);
        }
    }

    /**
     * Saves a clerk's edit of an opinion last read at {@code revision}. Refused when it changed since, so nobody's
     * edit is silently overwritten.
     */
    public Opinion edit(UUID id, int revision, OpinionInput input, String actor) {
        OpinionInput clean = validated(input);
        Opinion current = find(id).orElseThrow(() -> new UserFacingException("opinion.error.notFound", id));
        List<AreaTag> tags = clean.tags().isEmpty() ? current.tags() : clean.tags();
        Opinion changed = new Opinion(id, current.number(), current.station(), clean.receivedAt(), clean.channel(),
                clean.constituent(), clean.receivedBy(), clean.text(), tags, current.status(), current.createdAt(),
                current.updatedAt(), current.revision(), current.deleted());
        Opinion saved = opinions.update(changed, revision, actor, "edit")
                .orElseThrow(() -> new UserFacingException("opinion.error.changedElsewhere", current.number()));
        if (!saved.areas().equals(current.areas())) {
            learnIfChosenByPerson(saved, actor);
        }
        return saved;
    }

    public Optional<Opinion> find(UUID id) {
        return opinions.find(id);
    }

    public void delete(UUID id, String actor) {
        if (!opinions.setDeleted(id, true, actor)) {
            throw new UserFacingException("opinion.error.notFound", id);
        }
    }

    public void restore(UUID id, String actor) {
        if (!opinions.setDeleted(id, false, actor)) {
            throw new UserFacingException("opinion.error.notFound", id);
        }
    }

    /** Opinions re-tagged per transaction: a cancel takes effect within one chunk, and a crash loses at most one. */
    static final int RETAG_CHUNK = 500;

    /**
     * Tags again, with the current tagger, every opinion whose tags all came from the tagger: after a new report or
     * many corrections. People's tags are never touched. Unless {@code all}, only opinions tagged against another
     * taxonomy version than the current one. Returns how many opinions were re-tagged.
     */
    public int retag(boolean all, String actor, Progress listener) {
        Tagger tagger = tagging.tagger();
        List<OpinionText> todo = opinions.autoTagged(all, tagger.taxonomyVersion());
        int done = 0;
        int changed = 0;
        listener.update(0, todo.size());
        for (int from = 0; from < todo.size() && !listener.cancelled(); from += RETAG_CHUNK) {
            List<OpinionRepository.AutoTags> chunk = new ArrayList<>();
            for (OpinionText t : todo.subList(from, Math.min(todo.size(), from + RETAG_CHUNK))) {
                chunk.add(new OpinionRepository.AutoTags(t.id(), autoTags(tagger, t.text())));
            }
            changed += opinions.replaceAutoTags(chunk, actor);
            done += chunk.size();
            listener.update(done, todo.size());
        }
        return changed;
    }

    /** The tagger's proposal as tags: the best area primary, the others it considers close as secondary. */
    public List<AreaTag> autoTags(String text) {
        return autoTags(tagging.tagger(), text);
    }

    private static List<AreaTag> autoTags(Tagger t, String text) {
        List<Suggestion> suggestions = t.suggest(text);
        List<AreaTag> tags = new ArrayList<>();
        for (Suggestion s : suggestions) {
            if (tags.size() == MAX_AUTO_AREAS) {
                break;
            }
            tags.add(new AreaTag(s.area(), s.subtopicId(), s.clause(), tags.isEmpty(), s.score(), TagSource.AUTO,
                    null, t.taxonomyVersion()));
        }
        return tags;
    }

    private OpinionInput validated(OpinionInput input) {
        List<Problem> problems = rules.check(input);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Constituent who = input.constituent();
        Constituent cleanWho = new Constituent(InputRules.blankToNull(who.name()), InputRules.blankToNull(who.phone()),
                InputRules.blankToNull(who.address()), who.consentToContact());
        return new OpinionInput(input.receivedAt(), input.channel(), cleanWho,
                InputRules.blankToNull(input.receivedBy()), InputRules.normalizeText(input.text()), input.tags());
    }
}

package org.liaisondesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.TagFeedback;
import org.liaisondesk.model.TaxonomyVersion;
import org.liaisondesk.store.TaggingRepository;
import org.liaisondesk.tagging.BigramTagger;
import org.liaisondesk.tagging.LabelledText;
import org.liaisondesk.tagging.LearningTagger;
import org.liaisondesk.tagging.SeedReports;
import org.liaisondesk.tagging.SynonymList;
import org.liaisondesk.tagging.Tagger;
import org.liaisondesk.tagging.Taxonomy;
import org.liaisondesk.tagging.TaxonomyParser;

/**
 * The tagger of this installation: the active report version (the bundled one until another is loaded), the
 * synonym list (the bundled one until an administrator edits it), and every confirmation or correction people made.
 */
public final class TaggingService {

    private final TaggingRepository repository;
    private final Path synonymsFile;
    private final Path seedFolder;
    private final TaggerHolder holder;

    public TaggingService(TaggingRepository repository, Path synonymsFile, Path seedFolder) {
        this.repository = repository;
        this.seedFolder = seedFolder;
        this.synonymsFile = synonymsFile;
        this.holder = new TaggerHolder(this::build);
    }

    public TaggerHolder holder() {
        return holder;
    }

    public Tagger tagger() {
        return holder.current();
    }

    /** The taxonomy the current tagger uses. */
    public Taxonomy taxonomy() {
        return base(holder.current()).taxonomy();
    }

    /** Stores what a person chose for a text; call {@link #retrain()} (in the background) to learn from it. */
    public void recordFeedback(UUID opinionId, TagFeedback feedback, String actor) {
        repository.recordFeedback(opinionId, feedback, actor, holder.current().taxonomyVersion());
    }

    /** Builds a tagger from everything stored and swaps it in. Pure computation plus one read: run off the FX thread. */
    public Tagger retrain() {
        Tagger next = build();
        holder.replace(next);
        return next;
    }

    /**
     * Makes a new report the taxonomy: new tags are made against its version, old tags keep theirs.
     *
     * @throws UserFacingException when the text is not a work report with the six headings 一、…六、
     */
    public Taxonomy loadReport(String reportText) {
        Taxonomy parsed;
        try {
            parsed = Taxonomy.parse(reportText);
        } catch (TaxonomyParser.NotAReport e) {
            throw e.heading() != null ? new UserFacingException("tagging.error.reportOrder", e, e.heading())
                    : new UserFacingException("tagging.error.reportHeadings", e, e.found());
        }
        repository.activateTaxonomy(parsed.version(), parsed.title(), reportText);
        retrain();
        return parsed;
    }

    public List<TaxonomyVersion> taxonomyVersions() {
        return repository.taxonomies();
    }

    public SynonymList synonyms() {
        try {
            return Files.isRegularFile(synonymsFile) ? SynonymList.load(synonymsFile) : SynonymList.loadDefault();
        } catch (IOException e) {
            throw new UserFacingException("tagging.error.synonymsUnreadable", e, synonymsFile);
        }
    }

    /** Saves an administrator's edited synonym list next to the database and retrains with it. */
    public void saveSynonyms(String text) {
        SynonymList parsed;
        try {
            parsed = SynonymList.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("tagging.error.synonymsInvalid", e, e.getMessage());
        }
        try {
            Files.createDirectories(synonymsFile.toAbsolutePath().getParent());
            parsed.save(synonymsFile);
        } catch (IOException e) {
            throw new UserFacingException("tagging.error.synonymsUnwritable", e, synonymsFile);
        }
        retrain();
    }

    private Tagger build() {
        Taxonomy taxonomy = activeTaxonomy();
        BigramTagger base = BigramTagger.create(taxonomy, synonyms());
        List<TagFeedback> feedback = repository.feedback();
        if (feedback.isEmpty()) {
            return base;
        }
        return LearningTagger.train(base, feedback.stream().map(f -> new LabelledText(f.text(), f.areas())).toList());
    }

    /**
     * The report loaded last, unless a report in the seeds folder is newer than anything loaded before: that one is
     * stored and made active (how next year's report arrives without the settings screen).
     */
    private Taxonomy activeTaxonomy() {
        Optional<TaxonomyVersion> active = repository.activeTaxonomy();
        Optional<SeedReports.Report> seeded = SeedReports.newest(seedFolder);
        if (seeded.isPresent() && isNewer(seeded.get().taxonomy(), active)) {
            Taxonomy t = seeded.get().taxonomy();
            repository.activateTaxonomy(t.version(), t.title(), seeded.get().text());
            return t;
        }
        return active.map(v -> Taxonomy.parse(v.reportText())).orElseGet(Taxonomy::loadDefault);
    }

    private boolean isNewer(Taxonomy seeded, Optional<TaxonomyVersion> active) {
        boolean known = repository.taxonomies().stream().anyMatch(v -> v.version().equals(seeded.version()));
        return !known && (active.isEmpty() || seeded.version().compareTo(active.get().version()) > 0);
    }

    private static BigramTagger base(Tagger t) {
        return t instanceof LearningTagger l ? l.base() : (BigramTagger) t;
    }
}

package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.ExchangeConflict;
import org.liaisondesk.model.ImportCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.ExchangeRepository;

/**
 * The general station's side of the exchange. Each batch file is verified and applied in one transaction while it
 * streams: any problem rolls back everything of that file. Importing is idempotent: a batch already imported changes
 * nothing, an opinion held at the same revision is skipped, a newer revision replaces it, and the same id and
 * revision with different content is kept aside as a conflict.
 */
public final class ImportService {

    /** Conflicts listed per file in a report; all of them are in the conflicts table. */
    static final int CONFLICTS_LISTED = 50;

    private final ExchangeRepository exchange;
    private final Supplier<Optional<Station>> station;
    private final BatchReader reader;
    private final Clock clock;

    public ImportService(ExchangeRepository exchange, Supplier<Optional<Station>> station, BatchReader reader,
                         Clock clock) {
        this.exchange = exchange;
        this.station = station;
        this.reader = reader;
        this.clock = clock;
    }

    public enum Outcome { IMPORTED, ALREADY_IMPORTED, REJECTED }

    /** An opinion kept aside, as the report lists it. */
    public record Conflict(String number, UUID opinionId, int revision, ExchangeConflict.Kind kind) {
    }

    /**
     * What became of one file.
     *
     * @param header        null when the file was rejected before its header could be trusted
     * @param importedAt    for ALREADY_IMPORTED: when it was imported the first time
     * @param conflicts     the first {@value #CONFLICTS_LISTED} conflicts; {@code counts.conflicts()} has them all
     * @param rejection     why the file was rejected (REJECTED only)
     */
    public record FileResult(Path file, Outcome outcome, BatchHeader header, ImportCounts counts,
                             List<Conflict> conflicts, Instant importedAt, UserFacingException rejection) {

        static FileResult rejected(Path file, UserFacingException why) {
            return new FileResult(file, Outcome.REJECTED, null, ImportCounts.NONE, List.of(), null, why);
        }
    }

    /**
     * @param gaps per station that sent any of these batches, the sequence numbers not yet received (empty lists
     *             are left out)
     */
    public record Report(List<FileResult> files, Map<String, List<Integer>> gaps) {

        public boolean anyRejected() {
            return files.stream().anyMatch(f -> f.outcome() == Outcome.REJECTED);
        }
    }

    /** Imports batch files and every batch file ({@code *.ldbatch.json}) in the given folders, in name order. */
    public Report importPaths(List<Path> paths, String actor) {
        requireGeneralStation();
        List<FileResult> results = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> files = batchFiles(path);
                if (files.isEmpty()) {
                    results.add(FileResult.rejected(path, new UserFacingException("import.error.emptyFolder",
                            path)));
                }
                files.forEach(f -> results.add(importFile(f, actor)));
            } else {
                results.add(importFile(path, actor));
            }
        }
        Set<String> stations = new LinkedHashSet<>();
        results.stream().filter(r -> r.header() != null).forEach(r -> stations.add(r.header().station()));
        Map<String, List<Integer>> gaps = new LinkedHashMap<>();
        for (String s : stations) {
            List<Integer> missing = missing(exchange.importedSequences(s));
            if (!missing.isEmpty()) {
                gaps.put(s, missing);
            }
        }
        return new Report(List.copyOf(results), gaps);
    }

    /** Imports one batch file: all of it, or (rejected) nothing. */
    public FileResult importFile(Path file, String actor) {
        requireGeneralStation();
        Apply apply = new Apply(file);
        try {
            return exchange.transaction(tx -> {
                apply.tx = tx;
                BatchReader.Result r = reader.read(file, apply, apply);
                if (!r.complete()) {
                    return new FileResult(file, Outcome.ALREADY_IMPORTED, r.header(), ImportCounts.NONE, List.of(),
                            apply.importedBefore, null);
                }
                ImportCounts counts = apply.counts();
                BatchHeader h = r.header();
                tx.completeImport(h.batchId(), r.sha256(), counts);
                tx.audit(actor, "import", h.station() + " #" + h.sequence() + " " + file.getFileName() + ": "
                        + counts);
                return new FileResult(file, Outcome.IMPORTED, h, counts, List.copyOf(apply.conflicts), null, null);
            });
        } catch (BatchRejectedException e) {
            return FileResult.rejected(file, e);
        }
    }

    /** Imports whose conflicts nobody has resolved yet. */
    public List<ExchangeConflict> openConflicts(int limit) {
        return exchange.openConflicts(limit);
    }

    /** Batches this general station has imported, newest first. */
    public List<BatchRecord> history(int limit) {
        return exchange.batches(BatchRecord.Direction.IMPORT, limit);
    }

    private static List<Path> batchFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(BatchFormat.SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserFacingException("import.error.folder", e, dir, e.getMessage());
        }
    }

    static List<Integer> missing(List<Integer> received) {
        List<Integer> out = new ArrayList<>();
        int expected = 1;
        for (int seq : received) {
            for (; expected < seq; expected++) {
                out.add(expected);
            }
            expected = Math.max(expected, seq + 1);
        }
        return out;
    }

    private void requireGeneralStation() {
        Station st = station.get().orElseThrow(() -> new UserFacingException("import.error.notSetUp"));
        if (st.mode() != StationMode.GENERAL) {
            throw new UserFacingException("import.error.stationMode", st.code());
        }
    }

    /** Applies one file's opinions inside its transaction. */
    private final class Apply implements BatchReader.HeaderCheck, BatchReader.OpinionSink {

        private final Path file;
        private ExchangeRepository.Transaction tx;
        private BatchHeader header;
        private Instant importedBefore;
        private long added;
        private long updated;
        private long unchanged;
        private long conflictCount;
        private final List<Conflict> conflicts = new ArrayList<>();

        Apply(Path file) {
            this.file = file;
        }

        @Override
        public boolean proceed(BatchHeader h) {
            Optional<BatchRecord> known = tx.findBatch(h.batchId());
            if (known.isPresent()) {
                importedBefore = known.get().recordedAt();
                return false;
            }
            header = h;
            tx.insertBatch(new BatchRecord(h.batchId(), BatchRecord.Direction.IMPORT, h.station(), h.stationName(),
                    h.sequence(), h.createdAt(), clock.instant(), h.count(), "", file.getFileName().toString(),
                    null));
            return true;
        }

        @Override
        public void accept(Opinion o, JsonNode asCarried) {
            if (!tx.addItem(header.batchId(), o.id(), o.revision())) {
                throw new BatchRejectedException("batch.error.duplicate", o.number(), o.id());
            }
            OptionalInt held = tx.revisionOf(o.id());
            if (held.isEmpty()) {
                if (tx.numberTaken(o.station(), o.number(), o.id())) {
                    conflict(o, ExchangeConflict.Kind.NUMBER, asCarried);
                } else {
                    tx.insert(o);
                    added++;
                }
            } else if (o.revision() > held.getAsInt()) {
                tx.replace(o);
                updated++;
            } else if (o.revision() < held.getAsInt()
                    || tx.find(o.id()).map(BatchOpinionJson::asSent).filter(o::equals).isPresent()) {
                unchanged++;
            } else {
                conflict(o, ExchangeConflict.Kind.CONTENT, asCarried);
            }
        }

        private void conflict(Opinion o, ExchangeConflict.Kind kind, JsonNode asCarried) {
            tx.addConflict(header.batchId(), o, kind, asCarried.toString());
            conflictCount++;
            if (conflicts.size() < CONFLICTS_LISTED) {
                conflicts.add(new Conflict(o.number(), o.id(), o.revision(), kind));
            }
        }

        ImportCounts counts() {
            return new ImportCounts(added, updated, unchanged, conflictCount);
        }
    }
}

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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.liaisondesk.crypto.BatchCrypto;
import org.liaisondesk.crypto.CryptoException;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.ExchangeConflict;
import org.liaisondesk.model.ImportCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Progress;
import org.liaisondesk.model.SequenceRange;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.ExchangeRepository;
import org.liaisondesk.store.SettingsRepository;

/**
 * The general station's side of the exchange. Each batch file is verified and applied in one transaction while it
 * streams: any problem rolls back everything of that file. Importing is idempotent: a batch already imported changes
 * nothing, an opinion held at the same revision is skipped, a newer revision replaces it, and the same id and
 * revision with different content is kept aside as a conflict.
 *
 * <p>An encrypted batch is verified whole (signer, recipient, every authentication tag, signature) before any of it
 * is parsed, then decrypted as it streams through the same path; its signer must be the station its header names.
 * Every file's outcome, rejections included, is written to the audit log.
 */
public final class ImportService {

    /** Conflicts listed per file in a report; all of them are in the conflicts table. */
    static final int CONFLICTS_LISTED = 50;

    private final ExchangeRepository exchange;
    private final Supplier<Optional<Station>> station;
    private final BatchReader reader;
    private final BatchKeys keys;
    private final SettingsRepository settings;
    private final Clock clock;

    /** Missing batches listed per station; more ranges than this end the list with "…". */
    static final int GAP_RANGES_LISTED = 20;

    public ImportService(ExchangeRepository exchange, Supplier<Optional<Station>> station, BatchReader reader,
                         BatchKeys keys, SettingsRepository settings, Clock clock) {
        this.exchange = exchange;
        this.settings = settings;
        this.station = station;
        this.reader = reader;
        this.keys = keys;
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
     * @param signature     an encrypted batch: the station whose signature was verified; null for a plain one
     */
    public record FileResult(Path file, Outcome outcome, BatchHeader header, ImportCounts counts,
                             List<Conflict> conflicts, Instant importedAt, UserFacingException rejection,
                             BatchCrypto.Origin signature) {

        static FileResult rejected(Path file, UserFacingException why) {
            return new FileResult(file, Outcome.REJECTED, null, ImportCounts.NONE, List.of(), null, why, null);
        }
    }

    /**
     * @param gaps per station that sent any of these batches, the ranges of sequence numbers not yet received, at most
     *             {@value #GAP_RANGES_LISTED} (empty lists are left out)
     * @param notImported batch files left alone because the import was stopped (0 when it ran to the end)
     */
    public record Report(List<FileResult> files, Map<String, List<SequenceRange>> gaps, int notImported) {

        public boolean anyRejected() {
            return files.stream().anyMatch(f -> f.outcome() == Outcome.REJECTED);
        }
    }

    /**
     * Imports batch files and every batch file ({@code *.ldbatch.json}, {@code *.ldbatch.enc}) in the given folders,
     * in name order.
     */
    public Report importPaths(List<Path> paths, String actor) {
        return importPaths(paths, actor, Progress.NONE);
    }

    /**
     * {@link #importPaths(List, String)}, reporting progress in thousandths of a file; a stop keeps the batches
     * finished before it and nothing of the one it fell in.
     */
    public Report importPaths(List<Path> paths, String actor, Progress progress) {
        return importPaths(paths, actor, progress, false);
    }

    /**
     * A dry run of {@link #importPaths(List, String)}: each file is read, checked and applied in its transaction as
     * an import would, and the transaction is rolled back, so the report says what would be imported, already held
     * or rejected and nothing is kept (not even an audit entry). Each file is tried on its own: a later batch's
     * counts do not include what an earlier one of the same run would have added.
     */
    public Report dryRunPaths(List<Path> paths, String actor) {
        return importPaths(paths, actor, Progress.NONE, true);
    }

    private Report importPaths(List<Path> paths, String actor, Progress progress, boolean dryRun) {
        requireGeneralStation();
        List<FileResult> results = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = batchFiles(path);
                if (found.isEmpty()) {
                    results.add(FileResult.rejected(path, new UserFacingException("import.error.emptyFolder",
                            path)));
                }
                files.addAll(found);
            } else {
                files.add(path);
            }
        }
        int done = 0;
        try {
            for (; done < files.size(); done++) {
                progress.update(done * PER_FILE, files.size() * PER_FILE);
                if (progress.cancelled()) {
                    break;
                }
                results.add(importFile(files.get(done), actor, fileShare(progress, done, files.size()), dryRun));
            }
        } catch (Progress.Cancelled e) {
            // the file it fell in was rolled back; the ones before it stay imported
        }
        progress.update(done * PER_FILE, files.size() * PER_FILE);
        Set<String> stations = new LinkedHashSet<>();
        results.stream().filter(r -> r.header() != null).forEach(r -> stations.add(r.header().station()));
        Map<String, List<SequenceRange>> gaps = new LinkedHashMap<>();
        for (String s : stations) {
            List<SequenceRange> missing = exchange.importGaps(s, GAP_RANGES_LISTED);
            if (!missing.isEmpty()) {
                gaps.put(s, missing);
            }
        }
        return new Report(List.copyOf(results), gaps, files.size() - done);
    }

    /** Imports one batch file, plain or encrypted: all of it, or (rejected) nothing but the audit entry. */
    public FileResult importFile(Path file, String actor) {
        return importFile(file, actor, Progress.NONE, false);
    }

    private FileResult importFile(Path file, String actor, Progress progress, boolean dryRun) {
        requireGeneralStation();
        try {
            if (Database.isOpenDatabaseFile(file)) {
                // Never read the live database's files: doing so drops SQLite's locks on them (see Database).
                throw new BatchRejectedException("import.error.isDatabase", file);
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a FIFO or device would block the first read forever
                throw new BatchRejectedException("batch.error.notRegular", file);
            }
            if (BatchCrypto.isEncrypted(file)) {
                try (BatchCrypto.Decrypted plain = keys.openVerified(file)) {
                    return apply(file, plain.origin(), actor, progress, dryRun,
                            a -> reader.read(file, plain, a, a));
                }
            }
            return apply(file, null, actor, progress, dryRun, a -> reader.read(file, a, a));
        } catch (BatchRejectedException | CryptoException e) {
            if (dryRun) {
                return FileResult.rejected(file, e);
            }
            exchange.transaction(tx -> {
                tx.audit(actor, "import-rejected", "file=" + file + " reason=" + e.getMessage());
                return null;
            });
            return FileResult.rejected(file, e);
        }
    }

    /** Reads the batch with {@code read} and applies it in one transaction, with its audit entry. */
    private FileResult apply(Path file, BatchCrypto.Origin signature, String actor, Progress progress,
                             boolean dryRun, Function<Apply, BatchReader.Result> read) {
        if (dryRun) {
            try {
                apply(file, signature, actor, progress, false, a -> {
                    BatchReader.Result r = read.apply(a);
                    a.dryRun = true;
                    return r;
                });
            } catch (DryRun d) {
                return d.result;
            }
            throw new IllegalStateException("a dry run must roll back");
        }
        Apply apply = new Apply(file, signature, progress);
        return exchange.transaction(tx -> {
            apply.tx = tx;
            BatchReader.Result r = read.apply(apply);
            BatchHeader h = r.header();
            String source = "batch=" + h.batchId() + " station=" + h.station() + " sequence=" + h.sequence()
                    + " file=" + file + " signedBy=" + (signature == null ? "none" : signature.station())
                    + (h.auditHead() == null ? "" : " auditHead=" + h.auditHead());
            if (apply.known != null) {
                String held = apply.known.sha256();
                if (held != null && !held.isEmpty() && !held.equals(r.sha256())) {
                    throw new BatchRejectedException("batch.error.alteredCopy", h.batchId(), apply.importedBefore);
                }
                FileResult already = new FileResult(file, Outcome.ALREADY_IMPORTED, h, ImportCounts.NONE, List.of(),
                        apply.importedBefore, null, signature);
                if (apply.dryRun) {
                    throw new DryRun(already);
                }
                tx.audit(actor, "import", source + " alreadyImported=" + apply.importedBefore);
                return already;
            }
            ImportCounts counts = apply.counts();
            if (apply.dryRun) {
                throw new DryRun(new FileResult(file, Outcome.IMPORTED, h, counts, List.copyOf(apply.conflicts),
                        null, null, signature));
            }
            tx.completeImport(h.batchId(), r.sha256(), counts);
            tx.audit(actor, "import", source + " added=" + counts.added() + " updated=" + counts.updated()
                    + " unchanged=" + counts.unchanged() + " conflicts=" + counts.conflicts());
            return new FileResult(file, Outcome.IMPORTED, h, counts, List.copyOf(apply.conflicts), null, null,
                    signature);
        });
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
            // a non-regular file with a batch's name (a FIFO, a folder) is listed, so the report says it was skipped
            return s.filter(f -> BatchFormat.isBatchName(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserFacingException("import.error.folder", e, dir, e.getMessage());
        }
    }

    /** The general station's policy for plain batches from stations without a registered key. */
    public PlainBatches plainBatches() {
        return settings.get(PlainBatches.SETTING).flatMap(PlainBatches::fromCode).orElse(PlainBatches.UNTIL_KEYS);
    }

    public void setPlainBatches(PlainBatches policy, String actor) {
        requireGeneralStation();
        settings.put(PlainBatches.SETTING, policy.code());
        exchange.transaction(tx -> {
            tx.audit(actor, "setting", PlainBatches.SETTING + "=" + policy.code());
            return null;
        });
    }

    private void requireGeneralStation() {
        Station st = station.get().orElseThrow(() -> new UserFacingException("import.error.notSetUp"));
        if (st.mode() != StationMode.GENERAL) {
            throw new UserFacingException("import.error.stationMode", st.code());
        }
    }

    /** Progress is counted in thousandths of a file, the opinions of the file being read filling its share. */
    static final long PER_FILE = 1000;

    /** The {@code index}-th of {@code files} files: its opinions fill that file's share of the import's progress. */
    private static Progress fileShare(Progress progress, int index, int files) {
        return new Progress() {
            @Override
            public void update(long done, long total) {
                progress.update(index * PER_FILE + done * PER_FILE / Math.max(total, done), files * PER_FILE);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }

    /** Applies one file's opinions inside its transaction. */
    /** Carries a dry run's result out of its transaction, which it rolls back. */
    private static final class DryRun extends RuntimeException {
        private final transient FileResult result;

        DryRun(FileResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private final class Apply implements BatchReader.HeaderCheck, BatchReader.OpinionSink {

        /** Set once read in a dry run: the transaction ends with {@link DryRun}. */
        boolean dryRun;

        private final Path file;
        private final BatchCrypto.Origin signature;
        private ExchangeRepository.Transaction tx;
        private BatchHeader header;
        private Instant importedBefore;
        /** The batch as imported before: this copy is only read through to compare its checksum. */
        private BatchRecord known;
        private long added;
        private long updated;
        private long unchanged;
        private long conflictCount;
        private final List<Conflict> conflicts = new ArrayList<>();

        private final Progress progress;
        private Progress.Counter counted;

        Apply(Path file, BatchCrypto.Origin signature, Progress progress) {
            this.file = file;
            this.signature = signature;
            this.progress = progress;
        }

        @Override
        public boolean proceed(BatchHeader h) {
            if (signature != null && !signature.station().equals(h.station())) {
                throw new BatchRejectedException("batch.error.signerNotSender", signature.station(), h.station());
            }
            String own = station.get().map(Station::code).orElse("");
            if (own.equalsIgnoreCase(h.station())) {
                throw new BatchRejectedException("batch.error.ownCode", h.station());
            }
            header = h;
            counted = new Progress.Counter(progress, h.count());
            Optional<BatchRecord> before = tx.findBatch(h.batchId());
            if (before.isPresent()) {
                // the same id again is a no-op only if the content is what was imported: read on to its checksum
                known = before.get();
                importedBefore = known.recordedAt();
                return true;
            }
            if (signature == null) {
                if (keys.stationKeyRegistered(h.station())) {
                    throw new BatchRejectedException("batch.error.unsignedFromKeyed", h.station());
                }
                if (!plainBatches().accepts(keys.anyStationKeyRegistered())) {
                    throw new BatchRejectedException("batch.error.plainRefused", h.station());
                }
            }
            Optional<BatchRecord> sameNumber = tx.findImport(h.station(), h.sequence());
            if (sameNumber.isPresent()) {
                throw new BatchRejectedException("batch.error.sequenceTaken", h.sequence(), h.station(),
                        sameNumber.get().id());
            }
            tx.insertBatch(new BatchRecord(h.batchId(), BatchRecord.Direction.IMPORT, h.station(), h.stationName(),
                    h.sequence(), h.createdAt(), clock.instant(), h.count(), "", file.getFileName().toString(),
                    null, h.privacy(), signature != null, signature == null ? null : signature.station()));
            return true;
        }

        @Override
        public void accept(Opinion o, JsonNode asCarried) {
            counted.tick();
            if (known != null) {
                return;
            }
            if (!tx.addItem(header.batchId(), o.id(), o.revision())) {
                throw new BatchRejectedException("batch.error.duplicate", o.number(), o.id());
            }
            if (tx.insertIfNew(o)) {
                storeReview(o, asCarried);
                added++;
                return;
            }
            OptionalInt held = tx.revisionOf(o.id());
            if (held.isEmpty()) {
                // not held, yet not inserted: another opinion of the station has its number
                conflict(o, ExchangeConflict.Kind.NUMBER, asCarried);
            } else if (o.revision() > held.getAsInt()) {
                tx.replace(o);
                storeReview(o, asCarried);
                updated++;
            } else if (o.revision() < held.getAsInt()
                    || tx.find(o.id()).map(mine -> BatchOpinionJson.asSent(mine, mine.constituent()))
                            .filter(o::equals).isPresent()) {
                unchanged++;
            } else {
                conflict(o, ExchangeConflict.Kind.CONTENT, asCarried);
            }
        }

        private void storeReview(Opinion o, JsonNode asCarried) {
            BatchOpinionJson.reviewFromJson(asCarried, o.id()).ifPresent(r -> tx.storeReview(o.id(), r));
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

package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Progress;
import org.liaisondesk.model.ReviewRecord;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.ExchangeRepository;
import org.liaisondesk.store.OwnerOnly;

/**
 * A station's side of the exchange: the next batch holds every opinion not sent before and every one changed since
 * it was sent. A batch counts as sent only once its file has been read back from the medium and verified.
 *
 * <p>The residents' details in a batch follow the privacy chosen for the export (by default the station's setting).
 * When the station has the general station's public key, the batch leaves encrypted and signed: the plain batch is
 * written and verified in the work folder beside the database (never on the medium), sealed onto the medium under a
 * temporary name, forced and renamed, then read back and its signature checked (docs/batch-encryption.md).
 */
public final class ExportService {

    private final ExchangeRepository exchange;
    private final Supplier<Optional<Station>> station;
    private final BatchWriter writer;
    private final Supplier<ExportPrivacy> privacySetting;
    private final BiFunction<Opinion, ExportPrivacy, Constituent> contactForExport;
    private final BatchKeys keys;
    private final Path workFolder;
    private final Clock clock;

    /**
     * @param privacySetting   the station's export privacy setting
     * @param contactForExport the resident's details an opinion carries under a privacy (ContactPolicy)
     * @param workFolder       where plain batches are written before they are encrypted: in the user's data folder
     */
    public ExportService(ExchangeRepository exchange, Supplier<Optional<Station>> station, ObjectMapper json,
                         Supplier<ExportPrivacy> privacySetting,
                         BiFunction<Opinion, ExportPrivacy, Constituent> contactForExport, BatchKeys keys,
                         Path workFolder, Clock clock) {
        this.exchange = exchange;
        this.station = station;
        this.writer = new BatchWriter(json);
        this.privacySetting = privacySetting;
        this.contactForExport = contactForExport;
        this.keys = keys;
        this.workFolder = workFolder;
        this.clock = clock;
    }

    /** A batch written to removable media. */
    public record Exported(Path file, BatchHeader header, String sha256, boolean encrypted) {
    }

    /** The station's export privacy setting, which an export follows unless told otherwise. */
    public ExportPrivacy privacySetting() {
        return privacySetting.get();
    }

    /** {@link #export(Path, ExportPrivacy, String)} with the station's privacy setting. */
    public Optional<Exported> export(Path dir, String actor) {
        return export(dir, privacySetting(), actor);
    }

    /**
     * Writes the next batch into {@code dir}, verifies it and records it as sent.
     *
     * @param privacy what of the residents' contact details the batch carries
     * @param actor   who the audit log names
     * @return empty when there is nothing new or changed to send
     */
    public Optional<Exported> export(Path dir, ExportPrivacy privacy, String actor) {
        return export(dir, privacy, actor, Progress.NONE);
    }

    /**
     * {@link #export(Path, ExportPrivacy, String)}, reporting the opinions written; a stop leaves no file on the
     * medium and records nothing, so the next export is the same batch.
     */
    public Optional<Exported> export(Path dir, ExportPrivacy privacy, String actor, Progress progress) {
        Station st = requireStation();
        requireFolder(dir);
        removeLeftovers(dir, st.code());
        boolean encrypt = keys.encryptsBatches();
        // files a killed export left complete on a medium but never recorded: their numbers are not used again
        List<String> superseded = exchange.unrecordedExportAttempts(st.code(), 10);
        int sequence = exchange.lastExportSequence(st.code()) + 1;
        Optional<Written> written;
        try {
            written = exchange.readPending(st.code(), (selection, opinions) -> {
                if (selection.count() == 0) {
                    return Optional.empty();
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                BatchHeader header = new BatchHeader(UUID.randomUUID(), st.code(), st.name(), sequence, now,
                        selection.taxonomyVersions(), selection.count(), selection.byArea(), privacy,
                        exchange.auditHead());
                return Optional.of(write(dir, header, counted(opinions, progress, selection.count()),
                        selection.reviews(), encrypt, actor, true));
            });
        } catch (RuntimeException e) {
            exchange.forgetExportAttempt(st.code(), sequence);
            throw e;
        }
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Written w = written.get();
        try {
            checkSealed(w, actor);
            recordVerified(w, actor, superseded.isEmpty() ? "" : " supersedes=" + String.join(",", superseded));
        } catch (RuntimeException e) {
            BatchWriter.deleteQuietly(w.file);
            exchange.forgetExportAttempt(st.code(), sequence);
            throw e;
        } finally {
            w.discardPlain();
        }
        return Optional.of(w.exported());
    }

    /**
     * Writes an earlier batch again (the stick was lost): same batch id, number, date and privacy, carrying the same
     * opinions as they are now, encrypted when batches are now encrypted. Only the audit log records it; the general
     * station takes it once and keeps the newest revisions.
     */
    public Exported exportAgain(int sequence, Path dir, String actor) {
        return exportAgain(sequence, dir, actor, Progress.NONE);
    }

    /** {@link #exportAgain(int, Path, String)}, reporting the opinions written; a stop leaves no file. */
    public Exported exportAgain(int sequence, Path dir, String actor, Progress progress) {
        Station st = requireStation();
        requireFolder(dir);
        removeLeftovers(dir, st.code());
        BatchRecord earlier = exchange.findExport(st.code(), sequence).orElseThrow(() -> new UserFacingException(
                "export.error.noSuchBatch", sequence, exchange.lastExportSequence(st.code())));
        // batches recorded before the privacy setting existed are written again under the default
        ExportPrivacy privacy = Optional.ofNullable(earlier.privacy()).orElse(ExportPrivacy.BY_CONSENT);
        boolean encrypt = keys.encryptsBatches();
        Written w = exchange.readBatchContent(earlier.id(), (selection, opinions) -> write(dir,
                new BatchHeader(earlier.id(), st.code(), st.name(), sequence, earlier.createdAt(),
                        selection.taxonomyVersions(), selection.count(), selection.byArea(), privacy,
                        exchange.exportedAuditHead(earlier.id()).orElse(null)),
                counted(opinions, progress, selection.count()), selection.reviews(), encrypt, actor, false));
        try {
            checkSealed(w, actor);
            verify(w);
            exchange.transaction(tx -> {
                tx.audit(actor, "export-again", describe(w));
                return null;
            });
        } catch (RuntimeException e) {
            BatchWriter.deleteQuietly(w.file);
            throw e;
        } finally {
            w.discardPlain();
        }
        return w.exported();
    }

    /** Batches this station has written, newest first. */
    public List<BatchRecord> history(int limit) {
        return exchange.batches(BatchRecord.Direction.EXPORT, limit);
    }

    /** The opinions as they are read, each counted towards {@code total} on its way into the batch. */
    private static Consumer<Consumer<Opinion>> counted(Consumer<Consumer<Opinion>> opinions, Progress progress,
                                                       long total) {
        Progress.Counter counter = new Progress.Counter(progress, total);
        return sink -> opinions.accept(o -> {
            counter.tick();
            sink.accept(o);
        });
    }

    /** Writes the batch: plain into {@code dir}, or plain into the work folder and sealed into {@code dir}. */
    private Written write(Path dir, BatchHeader h, Consumer<Consumer<Opinion>> opinions,
                          Map<UUID, ReviewRecord> reviews, boolean encrypt, String actor, boolean newNumber) {
        LocalDate day = LocalDate.ofInstant(h.createdAt(), clock.getZone());
        Path file = dir.resolve(BatchFormat.fileName(h.station(), h.sequence(), day, encrypt));
        ExportPrivacy privacy = h.privacy();
        if (!encrypt) {
            return new Written(file, file, h, writer.write(file, h, opinions, o -> contactForExport.apply(o,
                    privacy), reviews::get, r -> {
                        if (newNumber) {
                            takeNumber(h, r.sha256(), file);
                        }
                    }), false);
        }
        Path plain = workFile(BatchFormat.fileName(h.station(), h.sequence(), day, false));
        try {
            BatchWriter.Result content = writer.write(plain, h, opinions, o -> contactForExport.apply(o, privacy),
                    reviews::get);
            writer.seal(plain, file, out -> keys.encryptForGeneral(out, actor), () -> {
                if (newNumber) {
                    takeNumber(h, content.sha256(), file);
                }
            });
            return new Written(file, plain, h, content, true);
        } catch (RuntimeException e) {
            BatchWriter.deleteQuietly(plain);
            throw e;
        }
    }

    /**
     * The batch's number is taken before its file gets its final name on the medium (V013): if the program is killed
     * after the rename, the next export takes the next number instead of writing other content under this one.
     */
    private void takeNumber(BatchHeader h, String sha256, Path file) {
        exchange.recordExportAttempt(h.station(), h.sequence(), h.batchId(), sha256, file.getFileName().toString(),
                clock.instant());
    }

    /**
     * What an export that was killed left behind, removed before each export: every plain batch in the work folder
     * (readable residents' data) and this station's unfinished {@code .part} files on the medium.
     */
    private void removeLeftovers(Path dir, String stationCode) {
        for (Path folder : List.of(workFolder, dir)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            boolean work = folder.equals(workFolder);
            try (Stream<Path> left = Files.list(folder)) {
                left.filter(f -> work || (f.getFileName().toString().startsWith(stationCode + "-")
                                && f.getFileName().toString().endsWith(BatchFormat.PART_SUFFIX)))
                        .forEach(BatchWriter::deleteQuietly);
            } catch (IOException e) {
                throw new UserFacingException("export.error.workFolder", e, folder, e.getMessage());
            }
        }
    }

    /** The work folder, owner-only where the file system allows; returns where to write the plain batch. */
    private Path workFile(String name) {
        try {
            OwnerOnly.createDirectories(workFolder);
            OwnerOnly.tighten(workFolder);
            return workFolder.resolve(name);
        } catch (IOException e) {
            throw new UserFacingException("export.error.workFolder", e, workFolder, e.getMessage());
        }
    }

    /** An encrypted batch read back from the medium: recipient, signer, layout and signature over every byte. */
    private void checkSealed(Written w, String actor) {
        if (!w.encrypted) {
            return;
        }
        try {
            keys.verifyWritten(w.file, actor);
        } catch (UserFacingException e) {
            throw new UserFacingException("export.error.verify", e, w.file, e);
        }
    }

    /** Reads the plain batch back and, in one transaction, records the batch and what it carried; all or nothing. */
    private void recordVerified(Written w, String actor, String superseded) {
        BatchHeader h = w.header;
        exchange.transaction(tx -> {
            tx.insertBatch(new BatchRecord(h.batchId(), BatchRecord.Direction.EXPORT, h.station(), h.stationName(),
                    h.sequence(), h.createdAt(), clock.instant(), h.count(), w.sha256(),
                    w.file.getFileName().toString(), null, h.privacy(), w.encrypted, null));
            verify(w);
            w.content.carried().forEach((id, revision) -> tx.addItem(h.batchId(), id, revision));
            tx.markExported(h.batchId());
            tx.audit(actor, "export", describe(w) + superseded);
            return null;
        });
    }

    private static String describe(Written w) {
        BatchHeader h = w.header;
        return "batch=" + h.batchId() + " station=" + h.station() + " sequence=" + h.sequence() + " count="
                + h.count() + " file=" + w.file + " encrypted=" + (w.encrypted ? "yes" : "no") + " privacy="
                + h.privacy().code() + (h.auditHead() == null ? "" : " auditHead=" + h.auditHead());
    }

    /**
     * Reads the plain batch back (on the medium, or in the work folder before it was sealed) and checks its checksum
     * from the bytes: the content is what this program has just produced, so it is not parsed again.
     */
    private static void verify(Written w) {
        try {
            BatchFileCheck.verify(w.plain, w.header.count(), w.sha256());
        } catch (BatchRejectedException e) {
            throw new UserFacingException("export.error.verify", e, w.file, e);
        }
    }

    private Station requireStation() {
        Station st = station.get().orElseThrow(() -> new UserFacingException("export.error.notSetUp"));
        if (st.mode() != StationMode.STATION) {
            throw new UserFacingException("export.error.generalMode");
        }
        return st;
    }

    private static void requireFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("export.error.noFolder", dir);
        }
        if (!Files.isWritable(dir)) {
            throw new UserFacingException("export.error.readOnly", dir);
        }
    }

    /**
     * @param file  on the medium
     * @param plain the plain batch: {@code file} itself, or (encrypted) its copy in the work folder
     */
    private record Written(Path file, Path plain, BatchHeader header, BatchWriter.Result content,
                           boolean encrypted) {

        String sha256() {
            return content.sha256();
        }

        Exported exported() {
            return new Exported(file, header, sha256(), encrypted);
        }

        void discardPlain() {
            if (encrypted) {
                BatchWriter.deleteQuietly(plain);
            }
        }
    }
}

package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.ExchangeRepository;

/**
 * A station's side of the exchange: the next batch holds every opinion not sent before and every one changed since
 * it was sent. A batch counts as sent only once its file has been read back from the medium and verified.
 */
public final class ExportService {

    private final ExchangeRepository exchange;
    private final Supplier<Optional<Station>> station;
    private final BatchWriter writer;
    private final BatchReader reader;
    private final Clock clock;

    public ExportService(ExchangeRepository exchange, Supplier<Optional<Station>> station, ObjectMapper json,
                         BatchReader reader, Clock clock) {
        this.exchange = exchange;
        this.station = station;
        this.writer = new BatchWriter(json);
        this.reader = reader;
        this.clock = clock;
    }

    /** A batch written to removable media. */
    public record Exported(Path file, BatchHeader header, String sha256) {
    }

    /**
     * Writes the next batch into {@code dir}, verifies it and records it as sent.
     *
     * @param actor who the audit log names
     * @return empty when there is nothing new or changed to send
     */
    public Optional<Exported> export(Path dir, String actor) {
        Station st = requireStation();
        requireFolder(dir);
        Optional<Written> written = exchange.readPending(st.code(), (selection, opinions) -> {
            if (selection.count() == 0) {
                return Optional.empty();
            }
            int sequence = exchange.lastExportSequence(st.code()) + 1;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            BatchHeader header = new BatchHeader(UUID.randomUUID(), st.code(), st.name(), sequence, now,
                    selection.taxonomyVersions(), selection.count(), selection.byArea());
            Path file = dir.resolve(BatchFormat.fileName(st.code(), sequence, LocalDate.ofInstant(now,
                    clock.getZone())));
            return Optional.of(new Written(file, header, writer.write(file, header, opinions)));
        });
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Written w = written.get();
        try {
            recordVerified(w, actor);
        } catch (RuntimeException e) {
            BatchWriter.deleteQuietly(w.file);
            throw e;
        }
        return Optional.of(new Exported(w.file, w.header, w.sha256));
    }

    /**
     * Writes an earlier batch again (the stick was lost): same batch id, number and date, carrying the same opinions
     * as they are now. Nothing is recorded; the general station takes it once and keeps the newest revisions.
     */
    public Exported exportAgain(int sequence, Path dir) {
        Station st = requireStation();
        requireFolder(dir);
        BatchRecord earlier = exchange.findExport(st.code(), sequence).orElseThrow(() -> new UserFacingException(
                "export.error.noSuchBatch", sequence, exchange.lastExportSequence(st.code())));
        Written w = exchange.readBatchContent(earlier.id(), (selection, opinions) -> {
            BatchHeader header = new BatchHeader(earlier.id(), st.code(), st.name(), sequence, earlier.createdAt(),
                    selection.taxonomyVersions(), selection.count(), selection.byArea());
            Path file = dir.resolve(BatchFormat.fileName(st.code(), sequence, LocalDate.ofInstant(
                    earlier.createdAt(), clock.getZone())));
            return new Written(file, header, writer.write(file, header, opinions));
        });
        try {
            verify(w, (o, node) -> { });
        } catch (RuntimeException e) {
            BatchWriter.deleteQuietly(w.file);
            throw e;
        }
        return new Exported(w.file, w.header, w.sha256);
    }

    /** Batches this station has written, newest first. */
    public List<BatchRecord> history(int limit) {
        return exchange.batches(BatchRecord.Direction.EXPORT, limit);
    }

    /** Reads the file back and, in one transaction, records the batch and what it carried; all or nothing. */
    private void recordVerified(Written w, String actor) {
        BatchHeader h = w.header;
        exchange.transaction(tx -> {
            tx.insertBatch(new BatchRecord(h.batchId(), BatchRecord.Direction.EXPORT, h.station(), h.stationName(),
                    h.sequence(), h.createdAt(), clock.instant(), h.count(), w.sha256,
                    w.file.getFileName().toString(), null));
            verify(w, (o, node) -> tx.addItem(h.batchId(), o.id(), o.revision()));
            tx.markExported(h.batchId());
            tx.audit(actor, "export", h.station() + " #" + h.sequence() + " " + h.count() + " " + w.file);
            return null;
        });
    }

    private void verify(Written w, BatchReader.OpinionSink sink) {
        try {
            BatchReader.Result r = reader.read(w.file, header -> header.equals(w.header), sink);
            if (!r.complete() || !w.sha256.equals(r.sha256())) {
                throw new BatchRejectedException("batch.error.checksum");
            }
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

    private record Written(Path file, BatchHeader header, String sha256) {
    }
}

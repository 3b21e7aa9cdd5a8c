package org.liaisondesk.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.liaisondesk.model.Opinion;

class ReadAheadTest {

    @Test
    void theSinkTakesEveryOpinionInOrderOnTheCallersThreadAndGetsTheResult() throws IOException {
        List<Integer> taken = new ArrayList<>();
        Thread caller = Thread.currentThread();
        String result = ReadAhead.run(sink -> {
            for (int i = 0; i < 1_000; i++) {
                sink.accept(null, JsonNodeFactory.instance.numberNode(i));
            }
            return "done";
        }, (o, node) -> {
            assertSame(caller, Thread.currentThread());
            taken.add(node.intValue());
        });
        assertEquals("done", result);
        assertEquals(1_000, taken.size());
        for (int i = 0; i < taken.size(); i++) {
            assertEquals(i, taken.get(i));
        }
    }

    @Test
    void aReadingErrorReachesTheCallerAfterTheOpinionsBeforeIt() {
        List<Integer> taken = new ArrayList<>();
        BatchRejectedException thrown = assertThrows(BatchRejectedException.class, () -> ReadAhead.run(sink -> {
            for (int i = 0; i < 600; i++) {
                sink.accept(null, JsonNodeFactory.instance.numberNode(i));
            }
            throw new BatchRejectedException("batch.error.checksum");
        }, (o, node) -> taken.add(node.intValue())));
        assertEquals("batch.error.checksum", thrown.messageKey());
        assertEquals(600, taken.size());
    }

    @Test
    void anIoErrorIsRethrownAsItself() {
        IOException io = new IOException("stick pulled");
        assertSame(io, assertThrows(IOException.class, () -> ReadAhead.run(sink -> {
            throw io;
        }, (o, node) -> { })));
    }

    @Test
    void whenTheSinkFailsTheReadingStopsAndItsThreadEnds() throws InterruptedException {
        AtomicReference<Thread> reading = new AtomicReference<>();
        IllegalStateException stop = new IllegalStateException("duplicate");
        assertSame(stop, assertThrows(IllegalStateException.class, () -> ReadAhead.run(sink -> {
            reading.set(Thread.currentThread());
            for (long i = 0; ; i++) {
                sink.accept((Opinion) null, JsonNodeFactory.instance.numberNode(i));
            }
        }, (o, node) -> {
            if (node.longValue() == 10) {
                throw stop;
            }
        })));
        reading.get().join(5_000);
        assertFalse(reading.get().isAlive());
    }
}

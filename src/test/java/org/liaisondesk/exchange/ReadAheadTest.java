package org.liaisondesk.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void theSinkTakesEveryItemInOrderOnTheCallersThreadAndGetsTheResult() throws IOException {
        List<Integer> taken = new ArrayList<>();
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> reading = new AtomicReference<>();
        String result = ReadAhead.<Integer, String>run(sink -> {
            reading.set(Thread.currentThread());
            for (int i = 0; i < 1_000; i++) {
                sink.accept(i);
            }
            return "done";
        }, item -> {
            assertSame(caller, Thread.currentThread());
            taken.add(item);
        });
        assertEquals("done", result);
        assertNotSame(caller, reading.get());
        assertEquals(1_000, taken.size());
        for (int i = 0; i < taken.size(); i++) {
            assertEquals(i, taken.get(i));
        }
    }

    @Test
    void aReadingErrorReachesTheCallerAfterTheItemsBeforeIt() {
        List<Integer> taken = new ArrayList<>();
        BatchRejectedException thrown = assertThrows(BatchRejectedException.class,
                () -> ReadAhead.<Integer, Void>run(sink -> {
                    for (int i = 0; i < 600; i++) {
                        sink.accept(i);
                    }
                    throw new BatchRejectedException("batch.error.checksum");
                }, taken::add));
        assertEquals("batch.error.checksum", thrown.messageKey());
        assertEquals(600, taken.size());
    }

    @Test
    void anIoErrorIsRethrownAsItself() {
        IOException io = new IOException("stick pulled");
        assertSame(io, assertThrows(IOException.class, () -> ReadAhead.<Integer, Void>run(sink -> {
            throw io;
        }, item -> { })));
    }

    @Test
    void whenTheSinkFailsTheReadingStopsAndItsThreadEnds() throws InterruptedException {
        AtomicReference<Thread> reading = new AtomicReference<>();
        IllegalStateException stop = new IllegalStateException("duplicate");
        assertSame(stop, assertThrows(IllegalStateException.class, () -> ReadAhead.<Long, Void>run(sink -> {
            reading.set(Thread.currentThread());
            for (long i = 0; ; i++) {
                sink.accept(i);
            }
        }, item -> {
            if (item == 10) {
                throw stop;
            }
        })));
        reading.get().join(5_000);
        assertFalse(reading.get().isAlive());
    }
}

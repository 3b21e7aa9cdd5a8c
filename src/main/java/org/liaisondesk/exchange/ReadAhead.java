package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.liaisondesk.model.Opinion;

/**
 * Parses and checks a batch's opinions on a thread of its own while the caller's sink takes the ones before, in the
 * file's order: an import stores opinion n while opinion n + 1 is parsed, so the two use two cores. What the reading
 * throws reaches the caller after the opinions read before it, as it would on one thread; what the sink throws stops
 * the reading.
 */
final class ReadAhead {

    /**
     * Opinions go across in chunks: handing them over one at a time woke the other thread for each, which cost more
     * than parsing it (an import of 100,000 ran 12 % slower than on one thread).
     */
    private static final int CHUNK = 128;
    /** Chunks parsed but not yet taken: enough to keep both threads busy, few enough to stay small. */
    private static final int CHUNKS_AHEAD = 4;

    /** The reading of the opinions and what follows them, handing each opinion to {@code sink}. */
    @FunctionalInterface
    interface Reading<T> {
        T read(BatchReader.OpinionSink sink) throws IOException;
    }

    private record Parsed(Opinion opinion, JsonNode asCarried) {
    }

    private record Done(Object result) {
    }

    private record Failed(Throwable error) {
    }

    /** Thrown inside the reading thread when the caller stopped taking: nobody waits for the rest. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private ReadAhead() {
    }

    /** Runs {@code reading} ahead of {@code sink} and returns what the reading returned. */
    @SuppressWarnings("unchecked")
    static <T> T run(Reading<T> reading, BatchReader.OpinionSink sink) throws IOException {
        BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        Thread reader = new Thread(() -> {
            List<Object> chunk = new ArrayList<>(CHUNK);
            try {
                chunk.add(new Done(reading.read((o, node) -> {
                    chunk.add(new Parsed(o, node));
                    if (chunk.size() == CHUNK) {
                        put(queue, List.copyOf(chunk));
                        chunk.clear();
                    }
                })));
            } catch (Abandoned e) {
                return;
            } catch (Throwable e) {
                chunk.add(new Failed(e));
            }
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                // the caller has stopped taking
            }
        }, "batch-reader");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            while (true) {
                for (Object item : queue.take()) {
                    if (item instanceof Parsed p) {
                        sink.accept(p.opinion(), p.asCarried());
                    } else if (item instanceof Done d) {
                        finished = true;
                        return (T) d.result();
                    } else {
                        finished = true;
                        throw rethrown(((Failed) item).error());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the batch's reading was interrupted");
        } finally {
            if (!finished) {
                reader.interrupt();
            }
            joinUninterruptibly(reader);
        }
    }

    private static void put(BlockingQueue<List<Object>> queue, List<Object> chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            throw new Abandoned();
        }
    }

    private static IOException rethrown(Throwable error) {
        if (error instanceof IOException io) {
            return io;
        }
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error);
    }

    /** The reading thread ends promptly once interrupted; the caller's own interrupt is kept for later. */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.liaisondesk.exchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a reading on a thread of its own while the caller's sink takes what it read before, in order, so the two use
 * two cores: an import stores opinion n while opinion n + 1 is parsed from the batch. What the reading throws reaches
 * the caller after the items read before it, as it would on one thread; what the sink throws stops the reading.
 *
 * <p>The export was tried the same way (rows read from the database ahead of the JSON written): no gain beyond the
 * noise, since its reading and writing are a fifth of its time, so it stays on one thread.
 */
final class ReadAhead {

    /**
     * Items go across in chunks: handing them over one at a time woke the other thread for each, which cost more
     * than the work moved (an import of 100,000 ran 12 % slower than on one thread).
     */
    private static final int CHUNK = 128;
    /** Chunks read but not yet taken: enough to keep both threads busy, few enough to stay small. */
    private static final int CHUNKS_AHEAD = 4;

    /** The reading, handing each item to {@code sink}; returns what the caller gets once all are taken. */
    @FunctionalInterface
    interface Reading<T, R> {
        R read(Consumer<T> sink) throws IOException;
    }

    /**
     * Items in the order read, then, in the last chunk only, how the reading ended: a {@link Done} or a
     * {@link Failed}.
     */
    private record Chunk<T>(List<T> items, Object end) {
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
    static <T, R> R run(Reading<T, R> reading, Consumer<T> sink) throws IOException {
        BlockingQueue<Chunk<T>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        Thread reader = new Thread(() -> {
            List<T> items = new ArrayList<>(CHUNK);
            Object end;
            try {
                end = new Done(reading.read(item -> {
                    items.add(item);
                    if (items.size() == CHUNK) {
                        put(queue, new Chunk<>(List.copyOf(items), null));
                        items.clear();
                    }
                }));
            } catch (Abandoned e) {
                return;
            } catch (Throwable e) {
                end = new Failed(e);
            }
            try {
                queue.put(new Chunk<>(items, end));
            } catch (InterruptedException e) {
                // the caller has stopped taking
            }
        }, "read-ahead");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            while (true) {
                Chunk<T> chunk = queue.take();
                chunk.items().forEach(sink);
                if (chunk.end() instanceof Done d) {
                    finished = true;
                    return (R) d.result();
                }
                if (chunk.end() instanceof Failed f) {
                    finished = true;
                    throw rethrown(f.error());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the reading was interrupted");
        } finally {
            if (!finished) {
                reader.interrupt();
            }
            joinUninterruptibly(reader);
        }
    }

    private static <T> void put(BlockingQueue<Chunk<T>> queue, Chunk<T> chunk) {
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

package org.liaisondesk.service;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.liaisondesk.store.SearchRepository;

/**
 * Indexes the opinions saved one at a time (V030) on a thread of its own, a moment after a save, so the clerk's save
 * commits without writing an index segment; the index's work for a burst of saves is done once. Search is exact
 * whether or not this has run yet. Whatever still waits is indexed when the program closes, and by the next run
 * after a crash.
 */
public final class SearchIndexer implements AutoCloseable {

    /** Long enough to gather a burst of saves, short enough that the index rarely waits on anyone. */
    static final Duration DELAY = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());

    private final SearchRepository search;
    private final Duration delay;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Whether anything may wait: a run or a close after none ever did would only write for nothing. */
    private final AtomicBoolean mayWait = new AtomicBoolean();

    public SearchIndexer(SearchRepository search) {
        this(search, DELAY);
    }

    SearchIndexer(SearchRepository search, Duration delay) {
        this.search = search;
        this.delay = delay;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "search-indexer");
            t.setDaemon(true);
            return t;
        });
        // a close indexes what waits itself, at once: a run still scheduled then has nothing left to do
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * After a save: indexes, after the delay, whatever waits by then, and at the latest when this closes. A call
     * while a run is already scheduled changes nothing.
     */
    public void soon() {
        mayWait.set(true);
        schedule();
    }

    /**
     * At start: opinions that a run which never closed left waiting are indexed after the delay if this runs that
     * long (the window). A command that ends sooner leaves them to the next run rather than write on the way out of,
     * say, a search; they are found meanwhile all the same.
     */
    public void takeUpLeftBehind() {
        if (search.pendingCount() > 0) {
            schedule();
        }
    }

    private void schedule() {
        if (!timer.isShutdown() && scheduled.compareAndSet(false, true)) {
            timer.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run() {
        scheduled.set(false);
        try {
            search.indexPending();
        } catch (RuntimeException e) {
            // nothing is lost: the opinions stay waiting, search still finds them, and the next run takes them
            LOG.log(Level.WARNING, "indexing the saved opinions failed; they stay waiting", e);
        }
    }

    /** Stops the timer and indexes whatever still waits, before the database closes. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (mayWait.get()) {
            run();
        }
    }
}

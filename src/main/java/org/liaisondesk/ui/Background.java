package org.liaisondesk.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs database, file and tagging work off the FX thread and hands the result back on it. Database writes are
 * serialised by the store's single writer, so a small pool is enough. A separate single-thread lane runs delayed
 * work in order (the entry form's debounced draft), so a later "clear" never overtakes an earlier "save".
 */
public final class Background implements AutoCloseable {

    /** How long closing waits for delayed work still due (a draft typed just before the window closed). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ExecutorService pool;
    private final ScheduledExecutorService lane;
    private final Consumer<Throwable> defaultFailureHandler;

    /** True for {@link #onCallingThread}: every piece of work runs at once, on the caller's thread. */
    private final boolean inline;

    public Background(Consumer<Throwable> defaultFailureHandler) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(3, r -> daemon(r, "liaison-desk-background-" + count.incrementAndGet()));
        this.lane = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "liaison-desk-lane"));
        this.defaultFailureHandler = defaultFailureHandler;
        this.inline = false;
    }

    private Background(Consumer<Throwable> defaultFailureHandler, boolean inline) {
        this.pool = Executors.newSingleThreadExecutor(r -> daemon(r, "liaison-desk-unused"));
        this.lane = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "liaison-desk-unused-lane"));
        this.defaultFailureHandler = defaultFailureHandler;
        this.inline = inline;
    }

    /**
     * The test seam (JabRef's CurrentThreadTaskExecutor): work and its callbacks run at once on the calling thread,
     * delays are skipped, so a view-model test reads the result on the next line without waiting for the FX thread.
     * {@link #run} needs no FX toolkit (and returns no task); a prepared {@link Task} given to {@link #submit} does.
     */
    public static Background onCallingThread(Consumer<Throwable> defaultFailureHandler) {
        return new Background(defaultFailureHandler, true);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs {@code work} in the background; {@code onSuccess} runs on the FX thread; failures go to the default. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess) {
        return run(work, onSuccess, defaultFailureHandler);
    }

    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (inline) {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return null;
            }
            onSuccess.accept(value);
            return null;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        return submit(task, onSuccess, onFailure);
    }

    /**
     * Runs a prepared task (one that reports progress or can be cancelled). Work asked for once the window closed
     * (a debounced look-up firing late) is cancelled instead: there is nobody to show its result to.
     */
    public <T> Task<T> submit(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (inline) {
            task.run();
            try {
                onSuccess.accept(task.get());
            } catch (java.util.concurrent.ExecutionException e) {
                onFailure.accept(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                onFailure.accept(e);
            }
            return task;
        }
        if (pool.isShutdown()) {
            task.cancel();
            return task;
        }
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        pool.execute(task);
        return task;
    }

    /**
     * Runs {@code work} on the ordered lane after {@code delay}; cancel the returned future to drop it if it has not
     * started. Failures go to the default handler on the FX thread. Work still due when the window closes runs
     * before {@link #close()} returns.
     */
    public Future<?> later(Duration delay, Runnable work) {
        if (inline) {
            try {
                work.run();
            } catch (RuntimeException e) {
                defaultFailureHandler.accept(e);
            }
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return lane.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Platform.runLater(() -> defaultFailureHandler.accept(e));
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        pool.shutdown();
        lane.shutdown();
        try {
            lane.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

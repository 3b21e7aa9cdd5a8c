package org.liaisondesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs database, file and tagging work off the FX thread and hands the result back on it. Database writes are
 * serialised by the store's single writer, so a small pool is enough.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService pool;
    private final Consumer<Throwable> defaultFailureHandler;

    public Background(Consumer<Throwable> defaultFailureHandler) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "liaison-desk-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.defaultFailureHandler = defaultFailureHandler;
    }

    /** Runs {@code work} in the background; {@code onSuccess} runs on the FX thread; failures go to the default. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess) {
        return run(work, onSuccess, defaultFailureHandler);
    }

    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        return submit(task, onSuccess, onFailure);
    }

    /** Runs a prepared task (one that reports progress or can be cancelled). */
    public <T> Task<T> submit(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        pool.execute(task);
        return task;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}

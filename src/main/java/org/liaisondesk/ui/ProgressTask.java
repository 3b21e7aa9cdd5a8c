package org.liaisondesk.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.concurrent.Task;
import org.liaisondesk.model.Progress;

/**
 * A background task around a job that reports {@link Progress}: the job's updates become the task's progress (for a
 * progress bar), and the job asks {@code stop} whether to stop.
 */
public final class ProgressTask<T> extends Task<T> {

    private final Function<Progress, T> job;
    private final BooleanSupplier stop;

    /** {@code stop}: when the job should stop; null to stop when the task is cancelled. */
    public ProgressTask(Function<Progress, T> job, BooleanSupplier stop) {
        this.job = job;
        this.stop = stop != null ? stop : this::isCancelled;
    }

    @Override
    protected T call() {
        return job.apply(new Progress() {
            @Override
            public void update(long done, long total) {
                updateProgress(done, Math.max(total, 1));
            }

            @Override
            public boolean cancelled() {
                return stop.getAsBoolean();
            }
        });
    }
}

package org.liaisondesk.model;

/**
 * Hears how far a long job (an export, an import, a re-tag) got, and may stop it. What a stop leaves behind is each
 * job's to say: a stopped export leaves no file and records nothing; a stopped import keeps the batches it finished
 * and nothing of the one it was in; a stopped re-tag keeps the chunks it committed.
 */
public interface Progress {

    /** For callers that neither show progress nor stop (the command line). */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units of work are finished. */
    void update(long done, long total);

    /** Asked between opinions (or chunks); true stops the work. */
    boolean cancelled();

    /** Thrown out of the work when {@link #cancelled()} said so. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** How often the opinions of one batch report and look for a stop. */
    int EVERY = 256;

    /** Counts opinions, reporting and looking for a stop every {@link #EVERY}. */
    final class Counter {
        private final Progress progress;
        private final long total;
        private long done;

        public Counter(Progress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        public void tick() {
            if (++done % EVERY == 0) {
                progress.update(done, total);
                if (progress.cancelled()) {
                    throw new Cancelled();
                }
            }
        }
    }
}

package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test seam: on the calling thread, work and its callbacks are done when the call returns; no FX toolkit. */
class BackgroundTest {

    @Test
    void onTheCallingThreadResultsFailuresAndDelayedWorkAreThereOnTheNextLine() {
        List<Object> seen = new ArrayList<>();
        List<Throwable> defaults = new ArrayList<>();
        try (Background inline = Background.onCallingThread(defaults::add)) {
            Thread caller = Thread.currentThread();
            inline.run(() -> Thread.currentThread() == caller ? "here" : "elsewhere", seen::add);
            inline.run(() -> {
                throw new IllegalStateException("boom");
            }, seen::add, seen::add);
            inline.later(Duration.ofHours(1), () -> seen.add("later"));
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isEqualTo("here");
        assertThat(seen.get(1)).isInstanceOf(IllegalStateException.class);
        assertThat(seen.get(2)).isEqualTo("later");
        assertThat(defaults).isEmpty();
    }
}

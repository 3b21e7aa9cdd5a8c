package org.liaisondesk.bench;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** bench --window starts its windows by class name in JVMs of their own; CI has no display to run them. */
class WindowStartupTest {

    @Test
    void theMainClassesItStartsExist() {
        for (String name : new String[] {WindowStartup.MINIMAL_WINDOW, WindowStartup.LAUNCHER}) {
            assertThatCode(() -> Class.forName(name, false, getClass().getClassLoader()).getMethod("main",
                    String[].class)).as(name).doesNotThrowAnyException();
        }
    }
}

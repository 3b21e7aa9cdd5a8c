package org.liaisondesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogTest {

    @TempDir
    Path dir;

    @Test
    void problemsAndUncaughtErrorsOfTheWindowGoToALogFileInTheDataFolder() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try {
            Path logs = AppLog.install(dir);
            AppLog.warn("备份失败 backup failed", new IllegalStateException("disk full"));
            Thread thread = new Thread(() -> {
                throw new IllegalArgumentException("on the FX thread");
            }, "JavaFX Application Thread");
            thread.setUncaughtExceptionHandler(null);
            thread.start();
            thread.join();
            AppLog.close();

            assertThat(logs).isEqualTo(dir.resolve("logs"));
            String text = Files.readString(logs.resolve("liaison-desk.0.log"), StandardCharsets.UTF_8);
            assertThat(text).contains("start ", "备份失败 backup failed", "disk full",
                    "uncaught in thread JavaFX Application Thread", "on the FX thread");
            // once: handing the error on must not come back to this handler (the thread group would)
            assertThat(text.split("uncaught in thread JavaFX Application Thread", -1)).hasSize(2);
        } finally {
            AppLog.close();
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}

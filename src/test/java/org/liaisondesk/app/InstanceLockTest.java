package org.liaisondesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;

class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWindowOnTheSameFileIsRefusedUntilTheFirstCloses() {
        Path db = dir.resolve("desk.db");
        try (InstanceLock first = InstanceLock.acquire(db)) {
            assertThat(Files.exists(dir.resolve("desk.db.lock"))).isTrue();
            assertThatThrownBy(() -> InstanceLock.acquire(db))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("window.error.alreadyOpen");
                        assertThat(e.localized(Messages.forLanguage("zh"))).contains("已经在另一个联络站民意簿窗口中打开")
                                .contains(db.toAbsolutePath().toString());
                    });
            // Another database is a different file: no conflict.
            InstanceLock.acquire(dir.resolve("other.db")).close();
        }
        InstanceLock.acquire(db).close();
    }
}

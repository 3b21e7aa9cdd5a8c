package org.liaisondesk.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Exits 0 once JavaFX's toolkit has started, anything else if it cannot. setup.exe runs it with the class-data
 * archive it has just made (packaging/windows/setup.nsi) and deletes the archive unless this succeeds, so a start-up
 * speed-up that was never timed on Windows can never cost the window.
 */
public final class ToolkitStartCheck {

    private static final int WAIT_SECONDS = 60;

    private ToolkitStartCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        boolean ok = started.await(WAIT_SECONDS, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(ok ? 0 : 1);
    }
}

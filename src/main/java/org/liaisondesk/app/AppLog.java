package org.liaisondesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A small rolling log file for the desktop window: an installed Windows program has no console, so what it would
 * print on stderr is lost. {@code logs/liaison-desk.0.log} (newest) to {@code .2.log} next to the database, at most
 * 1 MB each; uncaught exceptions of every thread (the FX thread included) go there. The command line does not use it:
 * it reports on stderr.
 */
public final class AppLog {

    public static final String FOLDER = "logs";
    static final int LIMIT_BYTES = 1_000_000;
    static final int FILES = 3;
    private static final Logger LOG = Logger.getLogger("org.liaisondesk");

    private AppLog() {
    }

    /** Starts writing to {@code <folder>/logs/}; a folder that cannot be written leaves logging as it was. */
    public static synchronized Path install(Path folder) {
        Path dir = folder.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
            FileHandler file = new FileHandler(dir.resolve("liaison-desk.%g.log").toString(), LIMIT_BYTES, FILES,
                    true);
            file.setEncoding("UTF-8");
            file.setFormatter(new SimpleFormatter());
            close();
            LOG.addHandler(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "uncaught in thread " + thread.getName(), error);
            if (previous != null) {
                previous.uncaughtException(thread, error);
            }
            // Without a previous handler the record above reaches stderr too, through the root logger's console
            // handler. (Not the thread group: it would call this default handler again.)
        });
        LOG.info(() -> "start " + AppLog.class.getPackage().getImplementationVersion() + ", Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        return dir;
    }

    /** Stops writing to the file (tests; the program logs until it exits). */
    static synchronized void close() {
        for (Handler old : LOG.getHandlers()) {
            LOG.removeHandler(old);
            old.close();
        }
    }

    /** Notes a problem for support (and on stderr, for a window started from a terminal). */
    public static void warn(String message, Throwable error) {
        LOG.log(Level.WARNING, message, error);
    }
}

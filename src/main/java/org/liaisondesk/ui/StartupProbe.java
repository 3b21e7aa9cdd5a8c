package org.liaisondesk.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;

/**
 * Start-up figures for the benchmark: with {@code -Dliaisondesk.startupProbe=true} the window prints
 * {@code stage-shown-ms=N} when the (still empty) stage is on screen, {@code login-ready-ms=N} when the login dialog
 * takes typing (the first usable window of an installation in use), {@code window-ready-ms=N} once the main window
 * is usable after login and {@code list-ready-ms=N} once the opinion list shows its first page, all measured from
 * JVM start; {@code =exit} also closes the program after the list figure, {@code =login} after the login figure.
 */
public final class StartupProbe {

    private static final String MODE = System.getProperty("liaisondesk.startupProbe", "");
    private static boolean stageReported;
    private static boolean loginReported;
    private static boolean windowReported;
    private static boolean listReported;

    private StartupProbe() {
    }

    public static boolean enabled() {
        return MODE.equals("true") || MODE.equals("exit") || MODE.equals("login");
    }

    /** FX thread. */
    public static void stageShown() {
        if (enabled() && !stageReported) {
            stageReported = true;
            print("stage-shown-ms");
        }
    }

    /** FX thread. */
    public static void loginReady() {
        if (enabled() && !loginReported) {
            loginReported = true;
            print("login-ready-ms");
            if (MODE.equals("login")) {
                Platform.exit();
            }
        }
    }

    /** FX thread. */
    public static void windowReady() {
        if (enabled() && !windowReported) {
            windowReported = true;
            print("window-ready-ms");
        }
    }

    /** FX thread. */
    public static void listReady() {
        if (enabled() && !listReported) {
            listReported = true;
            print("list-ready-ms");
            if (MODE.equals("exit")) {
                Platform.exit();
            }
        }
    }

    /** {@code name=N}, N the milliseconds since JVM start; also the minimal window's figure (MinimalWindow). */
    static void print(String name) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(name + "=" + ms);
        System.out.flush();
    }
}

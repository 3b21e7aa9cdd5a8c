package org.liaisondesk.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where user data lives: the user's data folder, never the install folder, so upgrades keep it. */
public final class AppPaths {

    public static final String DATABASE_FILE = "liaison-desk.db";

    private AppPaths() {
    }

    /** {@code LIAISON_DESK_HOME} overrides (portable use, tests); otherwise the platform's data folder. */
    public static Path dataFolder() {
        String override = System.getenv("LIAISON_DESK_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "LiaisonDesk");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "LiaisonDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("liaison-desk");
    }

    public static Path defaultDatabase() {
        return dataFolder().resolve(DATABASE_FILE);
    }
}

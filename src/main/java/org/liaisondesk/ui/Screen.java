package org.liaisondesk.ui;

import javafx.scene.Parent;

/**
 * A screen the main window's navigation shows (录入, 意见列表, 审阅, 统计, 交换, 设置). Built lazily the first time its
 * navigation item is chosen, by a constructor taking {@link UiContext}.
 */
public interface Screen {

    Parent root();

    /** Called each time the screen is shown again, e.g. to refresh data that other screens changed. */
    default void onShown() {
    }

    /** Ctrl+F: puts the keyboard in the screen's search box; false when the screen has none. */
    default boolean focusSearch() {
        return false;
    }

    /** Ctrl+P: prints what the screen shows (a form); false when the screen has nothing to print. */
    default boolean print() {
        return false;
    }
}

package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.liaisondesk.model.TextFold;
import org.liaisondesk.search.SearchText;
import org.sqlite.Function;

/**
 * The SQL functions the search index's triggers (migration V004) call: {@code search_bigrams(text)} and
 * {@code search_chars(text)}, the columns of the full-text index; {@code search_fold(text)}, the text as searches
 * compare it; {@code search_refolds(text)}, whether V027 must index it again. Registered on every connection the program opens,
 * so the index follows every insert and edit whichever code path makes it.
 */
final class SearchFunctions {

    private SearchFunctions() {
    }

    static void register(Connection c) throws SQLException {
        Function.create(c, "search_bigrams", text(SearchText::bigrams), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "search_chars", text(SearchText::characters), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "search_fold", text(SearchText::fold), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "search_refolds", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String value = value_text(0);
                result(value != null && TextFold.foldsBeyondAscii(value) ? 1 : 0);
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }

    private static Function text(UnaryOperator<String> columns) {
        return new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String value = value_text(0);
                result(value == null ? "" : columns.apply(value));
            }
        };
    }
}

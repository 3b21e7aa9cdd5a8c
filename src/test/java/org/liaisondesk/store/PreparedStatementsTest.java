package org.liaisondesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedStatementsTest {

    @TempDir
    Path dir;

    @Test
    void eachSqlIsPreparedOnceAndEveryStatementClosesWithTheCache() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db"))) {
            PreparedStatement one;
            PreparedStatement two;
            try (PreparedStatements statements = new PreparedStatements(c)) {
                one = statements.get("SELECT 1");
                two = statements.get("SELECT 2");
                assertThat(statements.get("SELECT 1")).isSameAs(one);
                assertThat(two).isNotSameAs(one);
                assertThat(one.isClosed()).isFalse();
            }
            assertThat(one.isClosed()).isTrue();
            assertThat(two.isClosed()).isTrue();
        }
    }
}

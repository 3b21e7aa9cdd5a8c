package org.liaisondesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text has both languages, and every key the code names exists. */
class BundleKeysTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleKeysTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishMessagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_zh_CN.properties").stringPropertyNames());
    }

    @Test
    void chineseAndEnglishHelpHaveTheSameKeys() throws IOException {
        assertThat(load("/org/liaisondesk/cli/help_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("/org/liaisondesk/cli/help_zh.properties").stringPropertyNames());
    }

    /** A key written twice silently takes its last value: a merge of two features' texts must not do that. */
    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String resource : new String[] {"messages_zh_CN.properties", "messages_en.properties",
            "/org/liaisondesk/cli/help_zh.properties", "/org/liaisondesk/cli/help_en.properties"}) {
            Set<String> seen = new java.util.HashSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = BundleKeysTest.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String t = line.strip();
                    int eq = t.indexOf('=');
                    if (!t.isEmpty() && !t.startsWith("#") && eq > 0 && !seen.add(t.substring(0, eq).strip())) {
                        twice.add(t.substring(0, eq).strip());
                    }
                }
            }
            assertThat(twice).as(resource).isEmpty();
        }
    }

    /** Literal keys passed to messages, exceptions and screens must exist, or a person would see a raw key. */
    @Test
    void everyLiteralKeyInTheCodeExists() throws IOException {
        Set<String> known = load("messages_zh_CN.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("(?:get|text|Exception|Problem\\.Field\\.[A-Z_]+,)\\s*\\(?\\s*\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9-]+)+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(m.group(1) + " in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}

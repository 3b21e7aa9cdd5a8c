package org.liaisondesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The installers dump packaging/cds/liaison-desk.classlist into a class-data archive on the installing machine. A
 * program class renamed or removed since the list was made is silently left out of the archive, and start-up slows
 * down without anyone noticing; this test notices.
 */
class StartupClassListTest {

    private static final Path CLASS_LIST = Path.of("packaging/cds/liaison-desk.classlist");

    @Test
    void everyProgramClassInTheStartupListStillExists() throws IOException {
        List<String> programClasses = programClassesIn(Files.readAllLines(CLASS_LIST, StandardCharsets.UTF_8));

        List<String> missing = programClasses.stream().filter(name -> !loadable(name)).collect(Collectors.toList());

        assertThat(missing)
                .as("classes in %s that no longer exist; run: mvn package -DskipTests && sh packaging/cds/make-classlist.sh",
                        CLASS_LIST)
                .isEmpty();
    }

    @Test
    void theListCoversTheWindowUpToTheLoginDialog() throws IOException {
        assertThat(programClassesIn(Files.readAllLines(CLASS_LIST, StandardCharsets.UTF_8)))
                .contains("org.liaisondesk.Launcher", "org.liaisondesk.ui.setup.LoginDialog",
                        "org.liaisondesk.store.Database");
    }

    /** bench --window dumps its archive from the copy the program carries, which must be this list. */
    @Test
    void theProgramCarriesTheSameListForTheBenchmark() throws IOException {
        try (java.io.InputStream in = StartupClassListTest.class.getResourceAsStream(
                "/org/liaisondesk/bench/liaison-desk.classlist")) {
            assertThat(in).as("the class list as a resource of the program").isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(CLASS_LIST));
        }
    }

    /** Plain class lines only: "@lambda-proxy" and "@lambda-form-invoker" lines are skipped by the dump when stale. */
    private static List<String> programClassesIn(List<String> lines) {
        return lines.stream()
                .filter(line -> line.startsWith("org/liaisondesk/"))
                .map(line -> line.split(" ", 2)[0].replace('/', '.'))
                .collect(Collectors.toList());
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, StartupClassListTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8ConsoleTest {

    @TempDir
    Path dir;

    private Path cmdline(String... parts) throws Exception {
        Path file = dir.resolve("cmdline");
        Files.write(file, (String.join("\0", parts) + "\0").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void onLinuxWithoutUtf8TheRawArgumentsAreReadBack() throws Exception {
        Path file = cmdline("java", "-jar", "liaison-desk.jar", "add", "--text", "村道太窄");

        String[] args = Utf8Console.arguments(new String[] {"add", "--text", "????"}, "Linux", "ANSI_X3.4-1968", file);

        assertThat(args).containsExactly("add", "--text", "村道太窄");
    }

    @Test
    void onWindowsTheArgumentsAreKeptEvenThoughTheEncodingIsNotUtf8() throws Exception {
        // Under wine /proc/self/cmdline is readable and holds wine's own arguments, which replaced the user's.
        Path file = cmdline("wine64-preloader", "java.exe", "-cp", "app\\*", "x", "y");

        String[] args = Utf8Console.arguments(new String[] {"list", "--json"}, "Windows 10", "GBK", file);

        assertThat(args).containsExactly("list", "--json");
    }
}

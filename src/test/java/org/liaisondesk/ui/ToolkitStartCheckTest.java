package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * setup.exe keeps its class-data archive only when this check exits 0 (packaging/windows/setup.nsi), so both answers
 * must be right: 0 when JavaFX starts (Monocle's headless platform here), not 0 when it cannot (no display).
 */
class ToolkitStartCheckTest {

    @Test
    void exitsZeroWhenTheToolkitStarts() throws Exception {
        assertThat(exitCode(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw"))).isZero();
    }

    @Test
    void exitsNonZeroWhenTheToolkitCannotStart() throws Exception {
        assertThat(exitCode(List.of("-Dglass.platform=gtk"))).isNotZero();
    }

    /** The check in a JVM of its own (it ends with System.exit), without a display. */
    private static int exitCode(List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ToolkitStartCheck.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process p = builder.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the check ends by itself").isTrue();
        return p.exitValue();
    }
}

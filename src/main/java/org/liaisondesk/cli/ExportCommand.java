package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.liaisondesk.exchange.ExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export --out DIR [--again SEQ]}: writes the next batch (or an earlier one again) and prints its path. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false)
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "export.out")
    Path out;

    @Option(names = "--again", paramLabel = "SEQ", descriptionKey = "export.again")
    Integer again;

    @Override
    public Integer call() {
        ExportService exports = root.context().exports();
        PrintWriter stdout = spec.commandLine().getOut();
        if (again != null) {
            stdout.println(exports.exportAgain(again, out).file());
        } else {
            Optional<ExportService.Exported> done = exports.export(out, root.actor());
            stdout.println(done.map(e -> e.file().toString())
                    .orElseGet(() -> root.messages().get("cli.export.nothing")));
        }
        stdout.flush();
        return Cli.OK;
    }
}

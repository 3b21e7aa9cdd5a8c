package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.liaisondesk.exchange.BatchHeader;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code import PATH...}: a line per batch file (rejections on stderr with the reason), the conflicts kept aside,
 * and the batches still missing per station. Exit 2 when any file was rejected.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false)
final class ImportCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "import.paths")
    List<Path> paths;

    @Override
    public Integer call() {
        ImportService.Report report = root.context().imports().importPaths(paths, root.actor());
        Messages m = root.messages();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (FileResult f : report.files()) {
            BatchHeader h = f.header();
            switch (f.outcome()) {
                case IMPORTED -> {
                    out.println(m.get("cli.import.imported", f.file(), h.station(), h.sequence(), f.counts().added(),
                            f.counts().updated(), f.counts().unchanged(), f.counts().conflicts()));
                    f.conflicts().forEach(c -> out.println(m.get("cli.import.conflict", c.number(), c.opinionId(),
                            c.revision(), m.get("exchange.conflict." + c.kind().code()))));
                }
                case ALREADY_IMPORTED -> out.println(m.get("cli.import.already", f.file(), h.station(),
                        h.sequence(), WHEN.format(f.importedAt())));
                case REJECTED -> err.println(m.get("cli.import.rejected", f.file(), f.rejection().localized(m)));
            }
        }
        report.gaps().forEach((station, missing) -> out.println(m.get("cli.import.gap", station,
                missing.stream().map(String::valueOf).collect(Collectors.joining(", ")))));
        out.flush();
        err.flush();
        return report.anyRejected() ? Cli.REJECTED : Cli.OK;
    }
}

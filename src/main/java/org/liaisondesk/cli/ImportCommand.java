package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.liaisondesk.exchange.BatchHeader;
import org.liaisondesk.exchange.HandlingBatches;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.StationMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = "--dry-run", descriptionKey = "import.dryRun")
    boolean dryRun;

    @Override
    public Integer call() {
        Messages m = root.messages();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // handling batches (the loop) are imported by their own reader, after the opinion batches of a folder
        // a station imports only return batches: a folder (the stick) is not searched for opinion batches there
        boolean general = root.context().stations().current().map(s -> s.mode() == StationMode.GENERAL)
                .orElse(true);
        List<Path> opinionPaths = paths.stream().filter(p -> Files.isDirectory(p) ? general
                : !HandlingBatches.isHandlingBatchName(p.getFileName().toString())).toList();
        boolean rejected = false;
        if (!opinionPaths.isEmpty() && (general || !dryRun)) {
            rejected = importOpinions(opinionPaths, m, out, err);
        }
        rejected |= LoopImport.run(root, paths, dryRun, out, err);
        out.flush();
        err.flush();
        return rejected ? Cli.REJECTED : Cli.OK;
    }

    private boolean importOpinions(List<Path> opinionPaths, Messages m, PrintWriter out, PrintWriter err) {
        ImportService.Report report = dryRun ? root.context().imports().dryRunPaths(opinionPaths, root.actor())
                : root.context().imports().importPaths(opinionPaths, root.actor());
        for (FileResult f : report.files()) {
            BatchHeader h = f.header();
            switch (f.outcome()) {
                case IMPORTED -> {
                    out.println(m.get(dryRun ? "loop.dryRun.wouldImport" : "cli.import.imported", f.file(), h.station(), h.sequence(), f.counts().added(),
                            f.counts().updated(), f.counts().unchanged(), f.counts().conflicts()));
                    if (f.signature() != null) {
                        out.println(m.get("cli.import.signed", f.signature().station(),
                                f.signature().signerFingerprint()));
                    }
                    f.conflicts().forEach(c -> out.println(m.get("cli.import.conflict", c.number(), c.opinionId(),
                            c.revision(), m.get("exchange.conflict." + c.kind().code()))));
                }
                case ALREADY_IMPORTED -> out.println((dryRun ? m.get("loop.dryRun.prefix") : "")
                        + m.get("cli.import.already", f.file(), h.station(),
                        h.sequence(), WHEN.format(f.importedAt())));
                case REJECTED -> err.println((dryRun ? m.get("loop.dryRun.prefix") : "")
                        + m.get("cli.import.rejected", f.file(), f.rejection().localized(m)));
            }
        }
        report.gaps().forEach((station, missing) -> out.println(m.get("cli.import.gap", station,
                missing.stream().map(String::valueOf).collect(Collectors.joining(", ")))));
        return report.anyRejected();
    }
}

package org.liaisondesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liaisondesk.report.ReportService;
import org.liaisondesk.model.Progress;
import org.liaisondesk.report.ReportPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report --period P [--station CODE] --format docx|pdf --out FILE}: the periodic report as a Word document, or
 * as PDF converted by LibreOffice when it is installed (exit 2 with what to do when it is not).
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false)
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM|YYYY-Qn|YYYY|FROM..TO",
            descriptionKey = "report.period")
    String period;

    @Option(names = "--station", paramLabel = "CODE", descriptionKey = "report.station")
    String station;

    @Option(names = "--format", defaultValue = "docx", paramLabel = "docx|pdf", descriptionKey = "report.format")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "report.out")
    Path out;

    @Override
    public Integer call() {
        ReportService.Format f = ReportService.Format.of(format);
        ReportPeriod p = ReportPeriod.parse(period);
        Path written = root.context().reports().write(p, station, out, f, Progress.NONE);
        spec.commandLine().getOut().println(root.messages().get("cli.report.done", p.code(),
                written.toAbsolutePath()));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

package org.liaisondesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code export-xlsx --out FILE [filters] [--query Q]}: the ledger (台账) of the filtered opinions as an Excel workbook;
 * residents' details only as the {@code --user} account's role may see them.
 */
@Command(name = "export-xlsx", mixinStandardHelpOptions = true, sortOptions = false)
final class ExportXlsxCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "exportXlsx.out")
    Path out;

    @Mixin
    FilterOptions filters;

    @Option(names = "--query", paramLabel = "Q", descriptionKey = "list.query")
    String query;

    @Override
    public Integer call() {
        long rows = root.context().stats().exportXlsx(filters.filter().withTextContains(query), out,
                root.messages(), FormCommand.viewer(root), () -> false);
        spec.commandLine().getOut().println(root.messages().get("cli.exportXlsx.done", rows, out.toAbsolutePath()));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

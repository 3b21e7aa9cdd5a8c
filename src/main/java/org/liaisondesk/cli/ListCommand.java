package org.liaisondesk.cli;

import java.util.concurrent.Callable;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list [--status S] [--area 1..6] [--query Q] [--limit N] --json}: newest first, streamed. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false)
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    FilterOptions filters;

    @Option(names = "--query", paramLabel = "Q", descriptionKey = "list.query")
    String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", descriptionKey = "list.limit")
    int limit;

    @Option(names = "--json", descriptionKey = "list.json")
    boolean json;

    @Override
    public Integer call() {
        OpinionFilter filter = filters.filter().withTextContains(query);
        if (limit < 0) {
            throw new UserFacingException("cli.error.limit", limit);
        }
        OpinionOutput.write(root, spec.commandLine().getOut(), json,
                sink -> root.context().opinions().forEach(filter, OpinionSort.NEWEST_FIRST, limit, sink),
                json ? HandlingJson.extra(root.context()) : null);
        return Cli.OK;
    }
}

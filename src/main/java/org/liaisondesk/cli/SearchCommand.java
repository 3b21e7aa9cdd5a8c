package org.liaisondesk.cli;

import java.util.concurrent.Callable;
import org.liaisondesk.i18n.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code search QUERY [--limit N] [filters] --json}: opinions containing QUERY, most relevant first. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false)
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", descriptionKey = "search.query")
    String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", descriptionKey = "list.limit")
    int limit;

    @Mixin
    FilterOptions filters;

    @Option(names = "--json", descriptionKey = "list.json")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new UserFacingException("cli.error.limit", limit);
        }
        var filter = filters.filter();
        OpinionOutput.write(root, spec.commandLine().getOut(), json,
                sink -> root.context().searchService().search(query, filter, limit, sink));
        return Cli.OK;
    }
}

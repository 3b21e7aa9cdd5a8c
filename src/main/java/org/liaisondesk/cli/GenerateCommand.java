package org.liaisondesk.cli;

import java.util.concurrent.Callable;
import org.liaisondesk.i18n.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code generate --count N [--stations K] [--seed S] [--demo]}: realistic synthetic opinions, reproducible by seed;
 * refused on a database that holds real opinions unless {@code --demo}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false)
final class GenerateCommand implements Callable<Integer> {

    static final long MAX_COUNT = 10_000_000L;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", descriptionKey = "generate.count")
    long count;

    @Option(names = "--stations", paramLabel = "K", defaultValue = "1", descriptionKey = "generate.stations")
    int stations;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", descriptionKey = "generate.seed")
    long seed;

    @Option(names = "--demo", descriptionKey = "generate.demo")
    boolean demo;

    @Override
    public Integer call() {
        if (count < 1 || count > MAX_COUNT) {
            throw new UserFacingException("cli.error.generateCount", count, MAX_COUNT);
        }
        if (stations < 1 || stations > 500) {
            throw new UserFacingException("cli.error.generateStations", stations);
        }
        root.contextForSetUp().generator().requireNoRealOpinions(demo);
        long started = System.nanoTime();
        long made = root.contextForSetUp().generator().generate(count, stations, seed, root.actor(), done -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getOut().println(root.messages().get("cli.generate.done", made, stations, seconds));
        return Cli.OK;
    }
}

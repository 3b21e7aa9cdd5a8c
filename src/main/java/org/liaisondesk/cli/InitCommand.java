package org.liaisondesk.cli;

import java.util.concurrent.Callable;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code init --station CODE --name NAME [--mode station|general]}. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false)
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--station", required = true, paramLabel = "CODE", descriptionKey = "init.station")
    String code;

    @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "init.name")
    String name;

    @Option(names = "--mode", paramLabel = "station|general", defaultValue = "station", descriptionKey = "init.mode")
    String mode;

    @Override
    public Integer call() {
        StationMode m = StationMode.fromCode(mode)
                .orElseThrow(() -> new UserFacingException("cli.error.mode", mode));
        Station s = root.contextForSetUp().stations().initialize(code, name, m, root.actor());
        spec.commandLine().getOut().println(root.messages().get("cli.init.done", s.code(), s.name(),
                root.messages().get("mode." + s.mode().code()), root.context().database().file()));
        return Cli.OK;
    }
}

package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.service.HealthException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: database health; exit 0 when healthy, else 2 with every problem on stderr. */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<HealthIssue> issues = root.context().health().check();
        if (!issues.isEmpty()) {
            throw new HealthException("check.failed", issues, root.context().database().file(), issues.size());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(root.messages().get("check.ok", root.context().database().file()));
        out.flush();
        return Cli.OK;
    }
}

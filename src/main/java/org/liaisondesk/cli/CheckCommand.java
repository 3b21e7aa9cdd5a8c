package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.service.AuditAnchors;
import org.liaisondesk.service.HealthException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code check [--anchors FILE]}: database health, and with an anchor file from the general station whether the audit
 * log still has the hashes its batches carried; exit 0 when healthy, else 2 with every problem on stderr.
 */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--anchors", paramLabel = "FILE", descriptionKey = "check.anchors")
    Path anchors;

    @Override
    public Integer call() {
        List<HealthIssue> issues = new ArrayList<>(root.context().health().check());
        AuditAnchors.Verdict verdict = anchors == null ? null : root.context().auditAnchors().verify(anchors);
        if (verdict != null) {
            issues.addAll(verdict.issues());
        }
        if (!issues.isEmpty()) {
            throw new HealthException("check.failed", issues, root.context().database().file(), issues.size());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (verdict != null) {
            out.println(root.messages().get("anchors.ok", verdict.anchors()));
        }
        out.println(root.messages().get("check.ok", root.context().database().file()));
        out.flush();
        return Cli.OK;
    }
}

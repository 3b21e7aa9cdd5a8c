package org.liaisondesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liaisondesk.service.Permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code audit-anchors --station CODE --out FILE}: at the general station, the heads of a station's audit chain its
 * batches carried, for that station's {@code check --anchors FILE}.
 */
@Command(name = "audit-anchors", mixinStandardHelpOptions = true, sortOptions = false)
final class AuditAnchorsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--station", required = true, paramLabel = "CODE", descriptionKey = "auditAnchors.station")
    String station;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "auditAnchors.out")
    Path out;

    @Override
    public Integer call() {
        root.require(Action.VIEW_AUDIT);
        int count = root.context().auditAnchors().write(station, out, root.actor());
        spec.commandLine().getOut().println(root.messages().get("anchors.written", count, station,
                out.toAbsolutePath()));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

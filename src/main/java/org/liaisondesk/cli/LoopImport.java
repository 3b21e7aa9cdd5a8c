package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liaisondesk.exchange.HandlingBatches;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Station;
import org.liaisondesk.store.HandlingRepository;

/** The handling-batch half of {@code import}: each file all-or-nothing, reported one line each. */
final class LoopImport {

    private LoopImport() {
    }

    /** Imports every handling batch among {@code paths} (files, or inside folders); true when any was rejected. */
    static boolean run(RootCommand root, List<Path> paths, boolean dryRun, PrintWriter out, PrintWriter err) {
        Station here = root.context().stations().current()
                .orElseThrow(() -> new UserFacingException("export.error.notSetUp"));
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(HandlingBatches.filesIn(p, here));
        }
        Messages m = root.messages();
        if (files.isEmpty() && here.mode() != org.liaisondesk.model.StationMode.GENERAL) {
            out.println(m.get("loop.cli.noReturnBatches", here.code()));
        }
        boolean rejected = false;
        for (Path f : files) {
            HandlingBatches.Read r = root.context().handlingBatches().importFile(f, dryRun, root.actor());
            switch (r.outcome()) {
                case IMPORTED, DRY_RUN -> {
                    HandlingRepository.Applied a = r.applied();
                    out.println(m.get(r.outcome() == HandlingBatches.Outcome.DRY_RUN ? "loop.cli.wouldImport"
                            : "loop.cli.imported", f, r.station(), r.sequence(), a.casesCreated(), a.casesUpdated(),
                            a.fieldsChanged(), a.conflicts(), a.events(), a.units(), a.calendarYears()));
                    a.notes().forEach(n -> out.println(m.get("loop.cli.conflict", n)));
                }
                case ALREADY_IMPORTED -> out.println(m.get("loop.cli.already", f, r.station(), r.sequence()));
                case REJECTED -> {
                    rejected = true;
                    err.println(m.get("cli.import.rejected", f, r.rejection().localized(m)));
                }
            }
        }
        return rejected;
    }
}

package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.model.DutyRecord;
import org.liaisondesk.model.ReceptionDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code reception add|list|duty}: deputies' reception days (代表接待日) and the duty records (代表履职档案) per deputy
 * and year.
 */
@Command(name = "reception", mixinStandardHelpOptions = true,
        subcommands = {ReceptionCommand.Add.class, ReceptionCommand.ListDays.class, ReceptionCommand.Duty.class})
final class ReceptionCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add implements Callable<Integer> {

        @ParentCommand
        ReceptionCommand parent;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "reception.date")
        String date;

        @Option(names = "--place", required = true, paramLabel = "PLACE", descriptionKey = "reception.place")
        String place;

        @Option(names = "--deputies", required = true, paramLabel = "NAME,NAME",
                descriptionKey = "reception.deputies")
        String deputies;

        @Option(names = "--residents", defaultValue = "0", paramLabel = "N", descriptionKey = "reception.residents")
        int residents;

        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "reception.note")
        String note;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            ReceptionDay day = root.context().receptions().add(Dates.parse(date), place,
                    Arrays.asList(deputies.split("[,，、]")), residents, note, root.actor());
            parent.spec.commandLine().getOut().println(day.id());
            parent.spec.commandLine().getOut().flush();
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false)
    static final class ListDays implements Callable<Integer> {

        @ParentCommand
        ReceptionCommand parent;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "list.from")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "list.to")
        String to;

        @Option(names = "--json", descriptionKey = "list.json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = parent.root.context();
            List<ReceptionDay> days = ctx.receptions().list(Dates.parse(from), Dates.parse(to));
            PrintWriter out = parent.spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ReceptionDay d : days) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", d.id().toString());
                    r.put("date", d.heldOn().toString());
                    r.put("place", d.place());
                    r.put("deputies", d.deputies());
                    r.put("residents", d.residents());
                    r.put("note", d.note());
                    rows.add(r);
                }
                out.println(ctx.json().writeValueAsString(rows));
            } else {
                for (ReceptionDay d : days) {
                    out.println(d.heldOn() + "\t" + d.place() + "\t" + String.join("、", d.deputies()) + "\t"
                            + d.residents());
                }
            }
            out.flush();
            return Cli.OK;
        }
    }

    @Command(name = "duty", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Duty implements Callable<Integer> {

        @ParentCommand
        ReceptionCommand parent;

        @Option(names = "--year", required = true, paramLabel = "YYYY", descriptionKey = "reception.year")
        int year;

        @Option(names = "--json", descriptionKey = "list.json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = parent.root.context();
            List<DutyRecord> records = ctx.receptions().duty(year);
            PrintWriter out = parent.spec.commandLine().getOut();
            if (json) {
                out.println(ctx.json().writeValueAsString(records));
            } else {
                out.println(parent.root.messages().get("cli.reception.dutyHeader"));
                for (DutyRecord r : records) {
                    out.println(r.deputy() + "\t" + r.receptions() + "\t" + r.residents() + "\t" + r.reviewed()
                            + "\t" + r.suggestions());
                }
            }
            out.flush();
            return Cli.OK;
        }
    }
}

package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.model.Rating;
import org.liaisondesk.model.TimeLimits;
import org.liaisondesk.model.WorkCalendar;
import org.liaisondesk.report.ReminderNotice;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.store.HandlingRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The handling loop on the command line (issue 13): {@code units}, {@code assign}, {@code sign}, {@code reply},
 * {@code feedback}, {@code visit}, {@code extend}, {@code return}, {@code close}, {@code reject}, {@code suggest},
 * {@code calendar}, {@code limits}, {@code overdue}, {@code handling-conflicts}.
 */
final class LoopCommands {

    private LoopCommands() {
    }

    /** The commands, for {@link Cli#COMMANDS}. */
    static final List<Class<?>> ALL = List.of(UnitsCommand.class, AssignCommand.class, SignCommand.class,
            ReplyCommand.class, FeedbackCommand.class, VisitCommand.class, ExtendCommand.class, ReturnCommand.class,
            CloseCommand.class, RejectCommand.class, SuggestCommand.class, CalendarCommand.class,
            LimitsCommand.class, OverdueCommand.class, HandlingConflictsCommand.class, SlipCommand.class,
            RemindCommand.class, TemplatesCommand.class, FollowUpCommand.class, HandlingStatsCommand.class);

    /** What every handling command shares: the root, the spec, the opinion id, and the line it prints. */
    abstract static class Base implements Callable<Integer> {

        @ParentCommand
        RootCommand root;

        @Spec
        CommandSpec spec;

        AppContext ctx() {
            return root.context();
        }

        HandlingService handling() {
            return ctx().handling();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** One line per case changed: number, stage, assignment number, due date. */
        int printed(List<HandlingCase> cases) {
            Messages m = root.messages();
            for (HandlingCase c : cases) {
                Opinion o = ctx().opinions().find(c.opinionId()).orElseThrow();
                out().println(m.get("loop.cli.saved", o.number(), m.get("loop.stage." + c.stage().code()),
                        c.get("assignment_no") == null ? "-" : c.get("assignment_no"),
                        c.get("due_date") == null ? "-" : c.get("due_date")));
            }
            out().flush();
            return Cli.OK;
        }

        void printJson(Object value) {
            try {
                out().println(ctx().json().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out().flush();
        }
    }

    /** A handling command about one opinion. */
    abstract static class OnOpinion extends Base {

        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "review.id")
        String id;

        UUID opinion() {
            return SimilarCommand.parseId(id);
        }
    }

    @Command(name = "units", mixinStandardHelpOptions = true, sortOptions = false)
    static final class UnitsCommand extends Base {

        @Parameters(index = "0", arity = "0..1", paramLabel = "list|add|edit", descriptionKey = "loop.units.action")
        String action = "list";

        @Parameters(index = "1", arity = "0..1", paramLabel = "CODE", descriptionKey = "loop.units.code")
        String code;

        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "loop.units.name")
        String name;

        @Option(names = "--kind", paramLabel = "community|street|district-dept|city-dept|other",
                descriptionKey = "loop.units.kind")
        String kind;

        @Option(names = "--contact", paramLabel = "TEXT", descriptionKey = "loop.units.contact")
        String contact;

        @Option(names = "--active", paramLabel = "true|false", descriptionKey = "loop.units.active")
        Boolean active;

        @Option(names = "--json", descriptionKey = "loop.json")
        boolean json;

        @Override
        public Integer call() {
            switch (action) {
                case "list" -> {
                    List<HandlingUnit> units = handling().units();
                    if (json) {
                        List<Map<String, Object>> rows = new ArrayList<>();
                        for (HandlingUnit u : units) {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("code", u.code());
                            r.put("name", u.name());
                            r.put("kind", u.kind().code());
                            r.put("contact", u.contact());
                            r.put("active", u.active());
                            rows.add(r);
                        }
                        printJson(rows);
                    } else {
                        units.forEach(u -> out().println(String.join("\t", u.code(), u.name(), u.kind().code(),
                                u.contact() == null ? "" : u.contact(), u.active() ? "" : "-")));
                        out().flush();
                    }
                    return Cli.OK;
                }
                case "add", "edit" -> {
                    if ("add".equals(action) && handling().units().stream().anyMatch(u -> u.code().equals(code))) {
                        throw new UserFacingException("loop.error.unitExists", code);
                    }
                    if ("edit".equals(action) && handling().units().stream().noneMatch(u -> u.code().equals(code))) {
                        throw new UserFacingException("loop.error.noUnit", code);
                    }
                    HandlingUnit u = handling().saveUnit(code, name, kind, contact, active, root.actor());
                    out().println(root.messages().get("loop.cli.unitSaved", u.code(), u.name()));
                    out().flush();
                    return Cli.OK;
                }
                default -> throw new UserFacingException("loop.error.unitsAction", action);
            }
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, sortOptions = false)
    static final class AssignCommand extends OnOpinion {

        @Option(names = "--unit", required = true, paramLabel = "CODE", descriptionKey = "loop.assign.unit")
        String unit;

        @Option(names = "--assist", split = ",", paramLabel = "CODE", descriptionKey = "loop.assign.assist")
        List<String> assisting = new ArrayList<>();

        @Option(names = "--route", paramLabel = "ROUTE", descriptionKey = "loop.assign.route")
        String route;

        @Option(names = "--due", paramLabel = "YYYY-MM-DD", descriptionKey = "loop.assign.due")
        String due;

        @Option(names = "--opinion", paramLabel = "TEXT", descriptionKey = "loop.assign.opinion")
        String deputyOpinion;

        @Option(names = "--matter", descriptionKey = "loop.assign.matter")
        boolean matter;

        @Override
        public Integer call() {
            return printed(handling().assign(opinion(), new HandlingService.Assignment(unit, assisting, route,
                    Dates.parse(due), deputyOpinion, matter), root.actor()));
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false)
    static final class SignCommand extends OnOpinion {

        @Override
        public Integer call() {
            return printed(handling().sign(opinion(), root.actor()));
        }
    }

    @Command(name = "reply", mixinStandardHelpOptions = true, sortOptions = false)
    static final class ReplyCommand extends OnOpinion {

        @Option(names = "--text", required = true, paramLabel = "TEXT", descriptionKey = "loop.reply.text")
        String text;

        @Option(names = "--signed-by", required = true, paramLabel = "NAME", descriptionKey = "loop.reply.signedBy")
        String signedBy;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "loop.reply.date")
        String date;

        @Option(names = "--file", paramLabel = "PATH", descriptionKey = "loop.reply.file")
        Path file;

        @Option(names = "--outcome", required = true, paramLabel = "A|B|C|D", descriptionKey = "loop.reply.outcome")
        String outcome;

        @Option(names = "--explanation", paramLabel = "TEXT", descriptionKey = "loop.reply.explanation")
        String explanation;

        @Option(names = "--promised", paramLabel = "YYYY-MM-DD", descriptionKey = "loop.reply.promised")
        String promised;

        @Override
        public Integer call() {
            Outcome o = Outcome.fromCode(outcome)
                    .orElseThrow(() -> new UserFacingException("loop.error.outcome", outcome));
            String told = explanation != null ? explanation
                    : handling().templates().text(org.liaisondesk.service.ReplyTemplates.outcomeKey(o));
            return printed(handling().reply(opinion(), new HandlingService.Reply(text, signedBy, Dates.parse(date),
                    file, o, told, Dates.parse(promised)), root.actor()));
        }
    }

    @Command(name = "feedback", mixinStandardHelpOptions = true, sortOptions = false)
    static final class FeedbackCommand extends OnOpinion {

        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "loop.feedback.note")
        String note;

        @Override
        public Integer call() {
            return printed(handling().feedback(opinion(), note != null ? note
                    : handling().templates().text(org.liaisondesk.service.ReplyTemplates.FEEDBACK), root.actor()));
        }
    }

    @Command(name = "visit", mixinStandardHelpOptions = true, sortOptions = false)
    static final class VisitCommand extends OnOpinion {

        @Option(names = "--rating", required = true, paramLabel = "satisfied|basically-satisfied|dissatisfied",
                descriptionKey = "loop.visit.rating")
        String rating;

        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "loop.visit.note")
        String note;

        @Override
        public Integer call() {
            Rating r = Rating.fromCode(rating).orElseThrow(() -> new UserFacingException("loop.error.rating",
                    rating));
            return printed(handling().visit(opinion(), r, note, root.actor()));
        }
    }

    @Command(name = "extend", mixinStandardHelpOptions = true, sortOptions = false)
    static final class ExtendCommand extends OnOpinion {

        @Option(names = "--due", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "loop.extend.due")
        String due;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "loop.reason")
        String reason;

        @Override
        public Integer call() {
            return printed(handling().extend(opinion(), Dates.parse(due), reason, root.actor()));
        }
    }

    @Command(name = "return", mixinStandardHelpOptions = true, sortOptions = false)
    static final class ReturnCommand extends OnOpinion {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "loop.reason")
        String reason;

        @Override
        public Integer call() {
            return printed(handling().unitReturn(opinion(), reason, root.actor()));
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, sortOptions = false)
    static final class CloseCommand extends OnOpinion {

        @Override
        public Integer call() {
            return printed(handling().close(opinion(), root.actor()));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, sortOptions = false)
    static final class RejectCommand extends OnOpinion {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "loop.reason")
        String reason;

        @Option(names = "--referral", required = true, paramLabel = "petition|court|other-dept",
                descriptionKey = "loop.reject.referral")
        String referral;

        @Override
        public Integer call() {
            return printed(handling().reject(opinion(), reason, referral, root.actor()));
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true, sortOptions = false)
    static final class SuggestCommand extends OnOpinion {

        @Option(names = "--number", required = true, paramLabel = "NO", descriptionKey = "loop.suggest.number")
        String number;

        @Override
        public Integer call() {
            return printed(handling().suggestion(opinion(), number, root.actor()));
        }
    }

    @Command(name = "slip", mixinStandardHelpOptions = true, sortOptions = false)
    static final class SlipCommand extends OnOpinion {

        @Option(names = "--out", required = true, paramLabel = "FILE.html", descriptionKey = "loop.slip.out")
        Path file;

        @Override
        public Integer call() throws Exception {
            String name = ctx().stations().current().map(org.liaisondesk.model.Station::name).orElse("");
            java.nio.file.Files.writeString(file, handling().slip(opinion(), name));
            out().println(file);
            out().flush();
            return Cli.OK;
        }
    }

    @Command(name = "templates", mixinStandardHelpOptions = true, sortOptions = false)
    static final class TemplatesCommand extends Base {

        @Parameters(index = "0", arity = "0..1", paramLabel = "list|set|reset", descriptionKey = "loop.templates.action")
        String action = "list";

        @Parameters(index = "1", arity = "0..1", paramLabel = "KEY", descriptionKey = "loop.templates.key")
        String key;

        @Option(names = "--text-stdin", descriptionKey = "loop.templates.textStdin")
        boolean textStdin;

        @Option(names = "--json", descriptionKey = "loop.json")
        boolean json;

        @Override
        public Integer call() {
            org.liaisondesk.service.ReplyTemplates templates = handling().templates();
            Messages m = root.messages();
            switch (action) {
                case "list" -> {
                    List<org.liaisondesk.service.ReplyTemplates.Template> all = templates.list();
                    if (json) {
                        List<Map<String, Object>> rows = new ArrayList<>();
                        for (org.liaisondesk.service.ReplyTemplates.Template t : all) {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("key", t.key());
                            r.put("text", t.text());
                            r.put("edited", t.edited());
                            rows.add(r);
                        }
                        printJson(rows);
                        return Cli.OK;
                    }
                    all.forEach(t -> out().println(t.key() + "\t" + (t.edited() ? "*" : "") + "\t"
                            + t.text().replace('\n', ' ')));
                }
                case "set" -> {
                    if (!textStdin) {
                        throw new UserFacingException("loop.templates.error.textStdin");
                    }
                    templates.set(key, root.readRestOfStdin(), root.actor());
                    out().println(m.get("loop.templates.saved", key));
                }
                case "reset" -> out().println(m.get(templates.reset(key, root.actor()) ? "loop.templates.reset"
                        : "loop.templates.notEdited", key));
                default -> throw new UserFacingException("loop.templates.error.action", action);
            }
            out().flush();
            return Cli.OK;
        }
    }

    @Command(name = "follow-up", mixinStandardHelpOptions = true, sortOptions = false)
    static final class FollowUpCommand extends OnOpinion {

        @Option(names = "--result", required = true, paramLabel = "done|still|dropped",
                descriptionKey = "loop.followUp.result")
        String result;

        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "loop.followUp.note")
        String note;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "loop.followUp.date")
        String date;

        @Option(names = "--promised", paramLabel = "YYYY-MM-DD", descriptionKey = "loop.followUp.promised")
        String promised;

        @Override
        public Integer call() {
            return printed(handling().followUp(opinion(), result, note, Dates.parse(date), Dates.parse(promised),
                    root.actor()));
        }
    }

    @Command(name = "handling-stats", mixinStandardHelpOptions = true, sortOptions = false)
    static final class HandlingStatsCommand extends Base {

        @Option(names = "--period", paramLabel = "YYYY-MM|YYYY-Qn|YYYY|FROM..TO",
                descriptionKey = "loop.handlingStats.period")
        String period;

        @Option(names = "--by", paramLabel = "unit|area|station", descriptionKey = "loop.handlingStats.by")
        String by;

        @Option(names = "--station", paramLabel = "CODE", descriptionKey = "loop.overdue.station")
        String station;

        @Option(names = "--json", descriptionKey = "loop.json")
        boolean json;

        @Override
        public Integer call() {
            org.liaisondesk.report.ReportPeriod p = period == null ? null
                    : org.liaisondesk.report.ReportPeriod.parse(period);
            HandlingService.RateGroup group = null;
            if (by != null) {
                group = Arrays.stream(HandlingService.RateGroup.values())
                        .filter(g -> g.name().equalsIgnoreCase(by)).findFirst()
                        .orElseThrow(() -> new UserFacingException("loop.handlingStats.error.by", by));
            }
            LocalDateRange range = p == null ? new LocalDateRange(null, null) : new LocalDateRange(p.from(), p.to());
            List<HandlingService.GroupCounts> total = handling().rates(station, range.from(), range.to(), null);
            List<HandlingService.GroupCounts> groups = group == null ? List.of()
                    : handling().rates(station, range.from(), range.to(), group);
            Map<String, String> unitNames = new LinkedHashMap<>();
            handling().units().forEach(u -> unitNames.put(u.code(), u.name()));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("from", range.from() == null ? null : range.from().toString());
            doc.put("to", range.to() == null ? null : range.to().toString());
            doc.put("station", station);
            doc.put("by", group == null ? null : group.name().toLowerCase(java.util.Locale.ROOT));
            doc.put("total", row(null, null, total.isEmpty() ? new HandlingService.Counts(0, 0, 0, 0, 0, 0, 0)
                    : total.get(0).counts()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (HandlingService.GroupCounts g : groups) {
                rows.add(row(g.group(), group == HandlingService.RateGroup.UNIT ? unitNames.get(g.group()) : null,
                        g.counts()));
            }
            doc.put("groups", rows);
            if (json) {
                printJson(doc);
                return Cli.OK;
            }
            Messages m = root.messages();
            out().println(m.get("loop.handlingStats.header"));
            List<Map<String, Object>> all = new ArrayList<>(rows);
            Map<String, Object> t = new LinkedHashMap<>(castRow(doc.get("total")));
            t.put("group", m.get("loop.handlingStats.total"));
            all.add(t);
            for (Map<String, Object> r : all) {
                out().println(String.join("\t", String.valueOf(r.get("group")), String.valueOf(r.get("cases")),
                        pct(r.get("closedRate")), pct(r.get("onTimeRate")), pct(r.get("satisfactionRate")),
                        pct(r.get("visitRate"))));
            }
            out().flush();
            return Cli.OK;
        }

        private record LocalDateRange(java.time.LocalDate from, java.time.LocalDate to) {
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> castRow(Object o) {
            return (Map<String, Object>) o;
        }

        private static String pct(Object rate) {
            return rate == null ? "-" : rate + "%";
        }

        private static Map<String, Object> row(String group, String name, HandlingService.Counts c) {
            HandlingService.Rates r = c.rates();
            Map<String, Object> o = new LinkedHashMap<>();
            if (group != null) {
                o.put("group", group);
            }
            if (name != null) {
                o.put("name", name);
            }
            o.put("cases", c.cases());
            o.put("closed", c.closed());
            o.put("closedOnTime", c.onTime());
            o.put("rated", c.rated());
            o.put("satisfied", c.satisfied());
            o.put("fedBack", c.fedBack());
            o.put("visited", c.visited());
            o.put("closedRate", r.closedRate());
            o.put("onTimeRate", r.onTimeRate());
            o.put("satisfactionRate", r.satisfactionRate());
            o.put("visitRate", r.visitRate());
            return o;
        }
    }

    @Command(name = "remind", mixinStandardHelpOptions = true, sortOptions = false)
    static final class RemindCommand extends Base {

        @Option(names = "--unit", paramLabel = "CODE", descriptionKey = "loop.remind.unit")
        String unit;

        @Option(names = "--out", required = true, paramLabel = "FILE.docx", descriptionKey = "loop.remind.out")
        Path file;

        @Override
        public Integer call() {
            String name = ctx().stations().current().map(org.liaisondesk.model.Station::name).orElse("");
            ReminderNotice.Written w = ReminderNotice.write(handling(), unit, name, file);
            Messages m = root.messages();
            out().println(w.file() == null ? m.get("loop.remind.nothing")
                    : m.get("loop.remind.written", w.file(), w.units(), w.matters()));
            out().flush();
            return Cli.OK;
        }
    }

    @Command(name = "calendar", mixinStandardHelpOptions = true, sortOptions = false)
    static final class CalendarCommand extends Base {

        @Option(names = "--load", paramLabel = "FILE", descriptionKey = "loop.calendar.load")
        Path load;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "loop.calendar.year")
        Integer year;

        @Option(names = "--json", descriptionKey = "loop.json")
        boolean json;

        @Override
        public Integer call() {
            Messages m = root.messages();
            if (load != null) {
                for (WorkCalendar.Year y : ctx().calendars().load(load, root.actor())) {
                    out().println(m.get("loop.cli.calendarLoaded", y.year(), y.holidays().size(),
                            y.workdays().size()));
                }
                out().flush();
                return Cli.OK;
            }
            WorkCalendar cal = handling().calendar();
            List<WorkCalendar.Year> years = cal.years().values().stream()
                    .filter(y -> year == null || y.year() == year).toList();
            if (json) {
                printJson(org.liaisondesk.service.CalendarService.toJson(ctx().json(), years));
                return Cli.OK;
            }
            for (WorkCalendar.Year y : years) {
                out().println(m.get("loop.cli.calendarYear", y.year(), y.holidays().size(), y.workdays().size(),
                        y.source()));
                if (year != null) {
                    out().println(m.get("loop.cli.calendarHolidays", String.join(" ",
                            y.holidays().stream().map(Object::toString).toList())));
                    out().println(m.get("loop.cli.calendarWorkdays", String.join(" ",
                            y.workdays().stream().map(Object::toString).toList())));
                }
            }
            out().flush();
            return Cli.OK;
        }
    }

    @Command(name = "limits", mixinStandardHelpOptions = true, sortOptions = false)
    static final class LimitsCommand extends Base {

        @Parameters(index = "0", arity = "0..1", paramLabel = "ROUTE", descriptionKey = "loop.limits.route")
        String route;

        @Parameters(index = "1", arity = "0..1", paramLabel = "N", descriptionKey = "loop.limits.amount")
        Integer amount;

        @Option(names = "--months", descriptionKey = "loop.limits.months")
        boolean months;

        @Option(names = "--json", descriptionKey = "loop.json")
        boolean json;

        @Override
        public Integer call() {
            if (route != null) {
                if (amount == null) {
                    throw new UserFacingException("loop.error.limit", route, "");
                }
                handling().setLimit(route, amount, months, root.actor());
            }
            TimeLimits limits = handling().limits();
            Map<String, Object> rows = new LinkedHashMap<>();
            limits.limits().forEach((k, v) -> rows.put(k, Map.of("amount", v.amount(), "unit", v.unitCode())));
            if (json) {
                printJson(rows);
            } else {
                limits.limits().forEach((k, v) -> out().println(k + "\t" + v.amount() + "\t" + v.unitCode()));
                out().flush();
            }
            return Cli.OK;
        }
    }

    @Command(name = "overdue", mixinStandardHelpOptions = true, sortOptions = false)
    static final class OverdueCommand extends Base {

        @Option(names = "--json", descriptionKey = "loop.json")
        boolean json;

        @Option(names = "--soon", descriptionKey = "loop.overdue.soon")
        boolean soon;

        @Option(names = "--station", paramLabel = "CODE", descriptionKey = "loop.overdue.station")
        String station;

        @Override
        public Integer call() {
            List<HandlingService.Watched> watched = handling().supervision(soon, station);
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (HandlingService.Watched w : watched) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", w.opinion().id().toString());
                    r.put("number", w.opinion().number());
                    r.put("station", w.opinion().station());
                    r.put("kind", w.kind());
                    r.put("supervision", w.colour().code());
                    r.put("stage", w.handling().stage().code());
                    r.put("assignmentNo", w.handling().get("assignment_no"));
                    r.put("unit", w.handling().get("main_unit"));
                    r.put("dueDate", w.handling().get("due_date"));
                    r.put("promisedDate", w.handling().get("promised_date"));
                    r.put("residents", w.residents());
                    r.put("priority", w.priority().code());
                    r.put("text", w.opinion().text());
                    rows.add(r);
                }
                printJson(rows);
                return Cli.OK;
            }
            Messages m = root.messages();
            if (watched.isEmpty()) {
                out().println(m.get("loop.cli.nothingOverdue"));
            }
            for (HandlingService.Watched w : watched) {
                out().println(String.join("\t", w.opinion().number(), m.get("loop.watch." + w.kind()),
                        String.valueOf(w.handling().get("due_date")), String.valueOf(w.handling().get("main_unit")),
                        w.opinion().text().replace('\n', ' ')));
            }
            out().flush();
            return Cli.OK;
        }
    }

    @Command(name = "handling-conflicts", mixinStandardHelpOptions = true, sortOptions = false)
    static final class HandlingConflictsCommand extends Base {

        @Option(names = "--resolve", paramLabel = "ID", descriptionKey = "loop.conflicts.resolve")
        Long resolve;

        @Option(names = "--take", paramLabel = "local|incoming", descriptionKey = "loop.conflicts.take")
        String take;

        @Option(names = "--json", descriptionKey = "loop.json")
        boolean json;

        @Override
        public Integer call() {
            HandlingRepository repo = ctx().handlingRepository();
            if (resolve != null) {
                if (!Arrays.asList("local", "incoming").contains(take)) {
                    throw new UserFacingException("loop.error.take", take);
                }
                if (!repo.resolve(resolve, take, root.actor())) {
                    throw new UserFacingException("loop.error.noConflict", resolve);
                }
                out().println(root.messages().get("loop.cli.conflictResolved", resolve, take));
                out().flush();
                return Cli.OK;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (HandlingRepository.Conflict k : repo.openConflicts()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", k.id());
                r.put("opinion", k.opinionId().toString());
                r.put("field", k.field());
                r.put("local", k.local());
                r.put("incoming", k.incoming());
                r.put("batch", k.batchId().toString());
                rows.add(r);
            }
            if (json) {
                printJson(rows);
            } else {
                rows.forEach(r -> out().println(r.values().stream().map(String::valueOf)
                        .reduce((a, b) -> a + "\t" + b).orElse("")));
                out().flush();
            }
            return Cli.OK;
        }
    }
}

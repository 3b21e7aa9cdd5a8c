package org.liaisondesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.bench.BenchReport;
import org.liaisondesk.bench.Benchmark;
import org.liaisondesk.bench.Figure;
import org.liaisondesk.bench.ScaleRun;
import org.liaisondesk.bench.WindowStartup;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench [--quick] [--window] [--json]}: the benchmark suite on a database of its own in a temporary folder
 * (never the one given with --db), removed afterwards. Progress goes to stderr, the figures to stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false)
final class BenchCommand implements Callable<Integer> {

    static final long MIN_COUNT = 1_000;
    /** Figure, value, baseline, goal, met, then the description last: CJK text would break the alignment. */
    private static final String ROW = "%-16s %16s %14s %12s  %-4s  %s";

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", descriptionKey = "bench.quick")
    boolean quick;

    /** The window's start-up beside a minimal JavaFX window: needs a display (xvfb-run on a server). */
    @Option(names = "--window", descriptionKey = "bench.window")
    boolean window;

    @Option(names = "--json", descriptionKey = "bench.json")
    boolean json;

    /**
     * The general station's scale run ({@code ScaleRun}): N opinions from 50 stations' batches imported into one
     * general station, then what such a station does measured; {@code --scale 5000000} takes about an hour.
     */
    @Option(names = "--scale", descriptionKey = "bench.scale", paramLabel = "N")
    Long scale;

    /** For tests: a tiny run that still prints every figure. */
    @Option(names = "--count", hidden = true, paramLabel = "N")
    Long count;

    @Override
    public Integer call() throws IOException {
        long n = scale != null ? scale : count != null ? count : quick ? Benchmark.QUICK_COUNT
                : Benchmark.FULL_COUNT;
        if (n < MIN_COUNT || n > GenerateCommand.MAX_COUNT) {
            throw new UserFacingException("cli.error.benchCount", n, MIN_COUNT, GenerateCommand.MAX_COUNT);
        }
        if (window && !WindowStartup.displayAvailable()) {
            throw new UserFacingException("cli.error.benchNoDisplay");
        }
        Messages m = root.messages();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("liaisondesk-bench-");
        try (AppContext ctx = AppContext.open(dir.resolve("bench.db"), m)) {
            err.println(m.get("cli.bench.start", n, dir));
            java.util.function.Consumer<String> steps = step -> {
                err.println(m.get("cli.bench.step", m.get("bench.step." + step)));
                err.flush();
            };
            BenchReport report = scale != null ? new ScaleRun(ctx, steps, f -> printFigure(m, err, f)).run(n)
                    : new Benchmark(ctx, steps, window).run(n);
            if (json) {
                writeJson(ctx, report, out);
            } else {
                writeTable(m, report, out);
            }
        } finally {
            Benchmark.deleteRecursively(dir);
        }
        out.flush();
        return Cli.OK;
    }

    private static void writeJson(AppContext ctx, BenchReport r, PrintWriter out) throws IOException {
        try (JsonGenerator g = ctx.json().getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("opinions", r.opinions());
            g.writeNumberField("stations", r.stations());
            g.writeNumberField("cores", r.cores());
            g.writeNumberField("maxHeapMb", Math.round(r.maxHeapMb()));
            g.writeStringField("java", r.java());
            g.writeBooleanField("allMet", r.allMet());
            g.writeObjectFieldStart("figures");
            for (Figure f : r.figures()) {
                g.writeObjectFieldStart(f.name());
                writeNumberOrNull(g, "value", f.value());
                g.writeStringField("unit", f.unit());
                writeNumberOrNull(g, "baseline", f.baseline());
                writeNumberOrNull(g, "goal", f.goal());
                g.writeStringField("goalIs", f.goal() == null ? null : f.lowerIsBetter() ? "max" : "min");
                if (f.met() == null) {
                    g.writeNullField("met");
                } else {
                    g.writeBooleanField("met", f.met());
                }
                g.writeStringField("pending", f.pending());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
        }
        out.println();
    }

    private static void writeNumberOrNull(JsonGenerator g, String field, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, round(value));
        }
    }

    /** Three significant digits at least, no false precision. */
    private static double round(double v) {
        double abs = Math.abs(v);
        double scale = abs >= 100 ? 1 : abs >= 1 ? 100 : 10_000;
        return Math.round(v * scale) / scale;
    }

    private static void writeTable(Messages m, BenchReport r, PrintWriter out) {
        out.println(m.get("cli.bench.header", r.opinions(), r.stations(), r.cores(), Math.round(r.maxHeapMb()),
                r.java()));
        out.println(String.format(ROW, m.get("cli.bench.col.figure"), m.get("cli.bench.col.value"),
                m.get("cli.bench.col.baseline"), m.get("cli.bench.col.goal"), m.get("cli.bench.col.met"), ""));
        for (Figure f : r.figures()) {
            String value = f.value() == null ? m.get("cli.bench.pending", f.pending()) : number(f.value(), f.unit());
            String baseline = f.baseline() == null ? "" : number(f.baseline(), f.unit());
            String goal = f.goal() == null ? "" : (f.lowerIsBetter() ? "≤ " : "≥ ") + number(f.goal(), f.unit());
            String met = f.met() == null ? "" : m.get(f.met() ? "cli.bench.met" : "cli.bench.missed");
            out.println(String.format(ROW, f.name(), value, baseline, goal, met, m.get("bench.figure." + f.name())));
        }
        out.println(m.get(r.allMet() ? "cli.bench.allMet" : "cli.bench.someMissed"));
    }

    /** One figure of the scale run, the moment it is measured. */
    private static void printFigure(Messages m, PrintWriter err, Figure f) {
        err.println(m.get("cli.bench.figure", f.name(), f.value() == null ? f.pending() : number(f.value(), f.unit())));
        err.flush();
    }

    private static String number(double v, String unit) {
        String n = Math.abs(v) >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
        return switch (unit) {
            case "ratio" -> n + "×";
            case "per_s" -> n + "/s";
            default -> n + " " + unit;
        };
    }

}

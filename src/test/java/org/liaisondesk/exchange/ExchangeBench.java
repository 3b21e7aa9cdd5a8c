package org.liaisondesk.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.liaisondesk.app.AppContext;

/**
 * Throwaway measurement of export and import rates and peak heap (not a test; the bench command comes later):
 * {@code java -Xmx256m -cp target/test-classes:target/classes:$(cat cp.txt) org.liaisondesk.exchange.ExchangeBench 100000}
 */
public final class ExchangeBench {

    private ExchangeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("exchange-bench");
        try (AppContext station = ExchangeFixture.station(dir); AppContext general = ExchangeFixture.general(dir)) {
            ExchangeFixture.addOpinions(station, n);
            Path usb = Files.createDirectory(dir.resolve("usb"));

            Phase export = Phase.start();
            Path batch = station.exports().export(usb, "bench").orElseThrow().file();
            export.report("export (write, force, read back, record)", n);
            System.out.printf("  batch file %.1f MB%n", Files.size(batch) / 1e6);

            Phase imp = Phase.start();
            ImportService.FileResult r = general.imports().importFile(batch, "bench");
            imp.report("import (verify and apply in one transaction) " + r.counts(), n);

            Phase again = Phase.start();
            general.imports().importFile(batch, "bench");
            again.report("re-import (already imported)", n);

            Phase verify = Phase.start();
            new BatchReader(station.json(), java.util.Locale.ENGLISH).read(batch, h -> true, (o, node) -> { });
            verify.report("read and verify only", n);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Wall time, and this thread's CPU time (SQLite runs on it too): the machine may be shared and busy. */
    private record Phase(long startedAt, long cpuAt) {

        static Phase start() {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            return new Phase(System.nanoTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        }

        void report(String what, int n) {
            double s = (System.nanoTime() - startedAt) / 1e9;
            double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAt) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("%s: %d opinions in %.2f s = %.0f/s (CPU %.2f s = %.0f/s), peak heap %.0f MB "
                    + "(max %.0f MB)%n", what, n, s, n / s, cpu, n / cpu, peak / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        }
    }
}

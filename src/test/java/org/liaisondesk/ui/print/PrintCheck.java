package org.liaisondesk.ui.print;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.layout.Region;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Role;
import org.liaisondesk.report.FormService;

/**
 * Prints the forms of a database to a printer with the window's own printing code, without the print dialog: the
 * documented check of docs/printing.md (to the CUPS-PDF printer under Xvfb) and {@link PrintFormsTest}.
 * {@code java ... PrintCheck DB PRINTER OPINION-ID|-} prints the register of the opinion (or of the day of the first
 * opinion with "-") and a reception notice.
 */
public final class PrintCheck {

    private PrintCheck() {
    }

    /** The printer of that name, or the default one for null; null when none. */
    static Printer printer(String name) {
        if (name == null || name.isBlank()) {
            return Printer.getDefaultPrinter();
        }
        return Printer.getAllPrinters().stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
    }

    /**
     * Lays out {@code forms}' pages on the FX thread, prints them off it as {@code jobName}; the page count.
     */
    static int print(Printer printer, String jobName, List<Region> unprepared) throws Exception {
        PrinterJob job = onFx(() -> PrinterJob.createPrinterJob(printer));
        job.getJobSettings().setJobName(jobName);
        PageLayout layout = PrintViewModel.a4(printer);
        List<Region> pages = onFx(() -> {
            List<Region> out = new ArrayList<>();
            unprepared.forEach(p -> out.add(PrintViewModel.prepare(p, layout)));
            return out;
        });
        return PrintViewModel.printAll(job, layout, pages);
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String printerName = args.length > 1 ? args[1] : null;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        int code = 0;
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            Printer printer = onFx(() -> printer(printerName));
            if (printer == null) {
                System.err.println("no printer " + (printerName == null ? "installed" : printerName));
                code = 2;
            } else {
                FormService forms = app.forms();
                List<FormService.RegisterForm> registers = args.length > 2 && !args[2].equals("-")
                        ? forms.registerForms(UUID.fromString(args[2]), Role.DEPUTY)
                        : forms.registerFormsForDay(app.opinions().page(
                                org.liaisondesk.model.OpinionFilter.ALL, org.liaisondesk.model.OpinionSort.NEWEST_FIRST,
                                0, 1).items().get(0).receivedAt().toLocalDate(), Role.DEPUTY);
                List<Region> pages = onFx(() -> registers.stream().map(RegisterFormNode::of).toList());
                System.out.println("register pages: " + print(printer, "print-register", pages));
                FormService.NoticeForm notice = forms.noticeForm(LocalDate.of(2026, 12, 10), "上午9:00—11:30",
                        "翠苑街道人大代表联络站(文一西路 88 号)", List.of("王建国", "李秀英", "陈志明"),
                        LocalDate.of(2026, 12, 7));
                System.out.println("notice pages: " + print(printer, "print-notice",
                        onFx(() -> List.of(NoticeFormNode.of(notice)))));
                if (args.length > 2 && !args[2].equals("-")) { // the 交办单, once that opinion is assigned
                    UUID id = UUID.fromString(args[2]);
                    if (app.handling().stored(id).filter(c -> c.get("assignment_no") != null).isPresent()) {
                        org.liaisondesk.service.AssignmentSlip.Slip slip = app.handling().slipOf(id,
                                app.stations().current().orElseThrow().name());
                        System.out.println("slip pages: " + print(printer, "print-slip",
                                onFx(() -> List.of(SlipFormNode.of(slip)))));
                    }
                }
            }
            // The system spools the last job (lpr) after endJob returns: give it a moment before the JVM ends.
            Thread.sleep(3000);
        } finally {
            Platform.exit();
        }
        System.exit(code);
    }
}

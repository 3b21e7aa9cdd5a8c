package org.liaisondesk.ui.print;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.ReceptionDay;
import org.liaisondesk.report.FormService;
import org.liaisondesk.report.ReceptionService;
import org.liaisondesk.service.AssignmentSlip;
import org.liaisondesk.ui.UiContext;

/**
 * Printing the paper forms with JavaFX printing: the forms' data is read in the background (from
 * {@link FormService}, so masking follows the logged-in role exactly as in the Word forms), the pages are laid out on
 * the FX thread, the person chooses the printer in the system's print dialog, and the pages go to the printer on a
 * background thread. No printer installed, a cancelled dialog and a failed job each say so in {@link #statusProperty}.
 */
public final class PrintViewModel {

    private final UiContext ui;
    private final Supplier<FormService> forms;
    private final Supplier<ReceptionService> receptions;
    private final Clock clock;
    private final Supplier<PrinterJob> jobs;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper();

    /**
     * {@code forms} and {@code receptions} are asked for only when printing (the form code loads late); {@code jobs}
     * makes the printer job (null: no printer), e.g. for a chosen printer in a check.
     */
    public PrintViewModel(UiContext ui, Supplier<FormService> forms, Supplier<ReceptionService> receptions,
                          Clock clock, Supplier<PrinterJob> jobs) {
        this.ui = ui;
        this.forms = forms;
        this.receptions = receptions;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Today, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What the last print did: printed pages, cancelled, no printer, failed; empty before the first. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }

    /** The reception register of one opinion; {@code ask} shows the print dialog (false: cancelled). */
    public void register(UUID opinion, Predicate<PrinterJob> ask) {
        print(() -> forms.get().registerForms(opinion, ui.role()), RegisterFormNode::of, ask, REGISTER_JOB);
    }

    /** The registers of every opinion received on {@code day}, one page each. */
    public void registersOf(LocalDate day, Predicate<PrinterJob> ask) {
        print(() -> forms.get().registerFormsForDay(day, ui.role()), RegisterFormNode::of, ask, REGISTER_JOB);
    }

    /** The reception notice; refused (with the form's message) without date, place or a deputy. */
    public void notice(LocalDate date, String time, String place, List<String> deputies, Predicate<PrinterJob> ask) {
        LocalDate issued = today();
        print(() -> List.of(forms.get().noticeForm(date, time, place, deputies, issued)), NoticeFormNode::of,
                ask, "接待公告");
    }

    /** The reception day a notice is most likely for: the next one recorded from today, else the latest. */
    public ReceptionDay suggestedReception() {
        LocalDate today = today();
        List<ReceptionDay> days = receptions.get().list(null, null);
        return days.stream().filter(d -> !d.heldOn().isBefore(today)).findFirst()
                .orElse(days.isEmpty() ? null : days.get(days.size() - 1));
    }

    /** Prints the 交办单 that {@code load} reads (in the background). */
    public void slip(Callable<AssignmentSlip.Slip> load, Predicate<PrinterJob> ask) {
        print(() -> List.of(load.call()), SlipFormNode::of, ask, "交办单");
    }

    private static final String REGISTER_JOB = "群众来访接待登记表";

    private <T> void print(Callable<List<T>> load, Function<T, Region> page, Predicate<PrinterJob> ask,
                           String jobName) {
        if (printing.get()) {
            return;
        }
        printing.set(true);
        status.set(ui.text("print.preparing"));
        ui.background().run(load, forms -> {
            PrinterJob job = jobs.get();
            if (job == null) {
                finish(ui.text("print.error.noPrinter"));
                ui.errors().report(new UserFacingException("print.error.noPrinter"));
                return;
            }
            job.getJobSettings().setJobName(jobName);
            if (!ask.test(job)) {
                job.cancelJob();
                finish(ui.text("print.cancelled"));
                return;
            }
            PageLayout layout = a4(job.getPrinter());
            List<Region> pages = new ArrayList<>();
            for (T f : forms) {
                pages.add(prepare(page.apply(f), layout));
            }
            ui.background().run(() -> printAll(job, layout, pages),
                    n -> finish(ui.text("print.done", n, job.getPrinter().getName())),
                    error -> {
                        finish(ui.text("print.error.failed"));
                        ui.errors().report(error);
                    });
        }, error -> {
            finish("");
            ui.errors().report(error);
        });
    }

    private void finish(String message) {
        printing.set(false);
        status.set(message);
    }

    /** A4 portrait with the printer's default margins. */
    public static PageLayout a4(Printer printer) {
        return printer.createPageLayout(Paper.A4, PageOrientation.PORTRAIT, Printer.MarginType.DEFAULT);
    }

    /**
     * Lays out a page (FX thread) in a scene of its own, never shown, and scales it down when it is larger than the
     * printable area; the page can then be printed from any thread.
     */
    public static Region prepare(Region page, PageLayout layout) {
        Group holder = new Group(page);
        new Scene(holder);
        page.applyCss();
        page.autosize();
        page.layout();
        // Out of the scene again: a node in a scene may only be touched on the FX thread, and the page is printed
        // from a background thread (it keeps its size and layout).
        holder.getChildren().clear();
        double w = page.getWidth();
        double h = page.getHeight();
        double scale = Math.min(1, Math.min(layout.getPrintableWidth() / w, layout.getPrintableHeight() / h));
        if (scale < 1) {
            page.getTransforms().add(new Scale(scale, scale));
        }
        return page;
    }

    /** Prints every page, then ends the job; how many were printed. Called off the FX thread. */
    public static int printAll(PrinterJob job, PageLayout layout, List<Region> pages) {
        int n = 0;
        for (Region p : pages) {
            if (!job.printPage(layout, p)) {
                job.cancelJob();
                throw new UserFacingException("print.error.failed");
            }
            n++;
        }
        // A job the system could not spool (e.g. Linux without lpr) ends in ERROR, not in an exception.
        if (!job.endJob() || job.getJobStatus() == PrinterJob.JobStatus.ERROR) {
            throw new UserFacingException("print.error.failed");
        }
        return n;
    }
}

package org.liaisondesk.ui.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.print.Printer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRun;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Role;
import org.liaisondesk.report.FormService;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.ui.ChineseFont;
import org.liaisondesk.ui.TestUi;
import org.testfx.api.FxToolkit;

/**
 * The printed forms: laid out from the same {@link FormService} data as the Word forms (every cell, the role's
 * masking), in the forms' Chinese font; and, where this machine has a PDF printer (CUPS-PDF) or one is named with
 * {@code -Dliaisondesk.printer}, printed through the window's printing code (never to paper by accident). Without
 * one that last test is skipped.
 */
class PrintFormsTest {

    @TempDir
    Path dir;

    private AppContext app;
    private UUID id;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void station() {
        Path db = dir.resolve("t.db");
        CliRun cli = new CliRun(db);
        cli.ok("init", "--station", "GS-001", "--name", "翠苑街道人大代表联络站");
        id = UUID.fromString(cli.ok("add", "--received", "2026-11-03", "--channel", "visit", "--text",
                "小区门口的路灯坏了一个多月,晚上出门很危险", "--name", "张三丰", "--phone", "13812345678",
                "--address", "翠苑一区12幢3单元").strip());
        cli.ok("add", "--received", "2026-11-03", "--channel", "phone", "--text", "对面工地每天晚上十一点还在打桩",
                "--name", "李四", "--phone", "13900001111");
        app = AppContext.open(db, Messages.forLanguage("zh"));
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theRegisterPageShowsEveryCellOfTheFormWithTheRolesMasking() throws Exception {
        FormService.RegisterForm deputy = app.forms().registerForms(id, Role.DEPUTY).get(0);
        FormService.RegisterForm clerk = app.forms().registerForms(id, Role.CLERK).get(0);
        List<String> deputyTexts = PrintCheck.onFx(() -> texts(RegisterFormNode.of(deputy)));
        List<String> clerkTexts = PrintCheck.onFx(() -> texts(RegisterFormNode.of(clerk)));

        assertThat(deputyTexts).contains("群众来访接待登记表", deputy.number(), "反映事项",
                "小区门口的路灯坏了一个多月,晚上出门很危险");
        for (List<String> row : deputy.rows()) {
            assertThat(deputyTexts).containsAll(row);
        }
        // A deputy sees no contact of a resident who did not consent; the clerk who received them does.
        assertThat(String.join("", deputyTexts)).doesNotContain("13812345678").doesNotContain("张三丰");
        assertThat(clerkTexts).contains("13812345678", "张三丰");
    }

    @Test
    void theDaysRegistersAreOnePageEachAndTheNoticeCarriesItsWording() throws Exception {
        List<FormService.RegisterForm> day = app.forms().registerFormsForDay(LocalDate.of(2026, 11, 3), Role.CLERK);
        assertThat(day).hasSize(2);
        FormService.NoticeForm notice = app.forms().noticeForm(LocalDate.of(2026, 12, 10), "上午9:00",
                "翠苑街道人大代表联络站", List.of("王建国", " 李秀英 "), LocalDate.of(2026, 12, 7));
        List<String> texts = PrintCheck.onFx(() -> texts(NoticeFormNode.of(notice)));
        assertThat(texts).contains("人大代表接待选民公告", "翠苑街道人大代表联络站", "2026年12月7日");
        assertThat(String.join("", texts)).contains("王建国、李秀英").contains("2026年12月10日（星期四）上午9:00");
        Text title = PrintCheck.onFx(() -> (Text) find(NoticeFormNode.of(notice), "人大代表接待选民公告"));
        assertThat(title.getFont().getFamily()).isEqualTo(ChineseFont.formFamily());
    }

    /** #13: the 交办单 prints from the window as the HTML slip reads: number, matter, masked resident, units, due. */
    @Test
    void theAssignmentSlipPageCarriesTheSlipWithTheResidentMasked() throws Exception {
        app.handling().saveUnit("JD-01", "翠苑街道办事处", "street", "王科长 88000000", null, "admin");
        app.handling().saveUnit("QJ-01", "区城管局", "district-dept", null, null, "admin");
        app.handling().assign(id, new org.liaisondesk.service.HandlingService.Assignment("JD-01", List.of("QJ-01"),
                null, null, "请街道尽快修复路灯", false), "总站");
        org.liaisondesk.service.AssignmentSlip.Slip slip = app.handling().slipOf(id, "翠苑街道人大代表联络站");
        List<String> texts = PrintCheck.onFx(() -> texts(SlipFormNode.of(slip)));
        String all = String.join("", texts);
        assertThat(texts).contains("翠苑街道人大代表联络站 交办单", "反映事项", "小区门口的路灯坏了一个多月,晚上出门很危险",
                "请街道尽快修复路灯", "主办单位", "协办单位", "办理期限");
        assertThat(all).contains("翠苑街道办事处(王科长 88000000)", "区城管局", "GS-001-2026-")
                .doesNotContain("13812345678").doesNotContain("张三丰");
        assertThat(app.handling().slip(id, "翠苑街道人大代表联络站")).as("the HTML slip says the same")
                .contains("请街道尽快修复路灯", "翠苑街道办事处").doesNotContain("13812345678");
        List<UUID> ids = new java.util.ArrayList<>();
        app.opinions().forEach(org.liaisondesk.model.OpinionFilter.ALL,
                new org.liaisondesk.model.OpinionSort(org.liaisondesk.model.OpinionSort.Field.RECEIVED_AT, true), 10,
                o -> ids.add(o.id()));
        UUID unassigned = ids.stream().filter(o -> !o.equals(id)).findFirst().orElseThrow();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> app.handling().slipOf(unassigned, "站")))
                .isInstanceOf(org.liaisondesk.i18n.UserFacingException.class);
    }

    @Test
    void printsToThePrinterWhenThereIsOne() throws Exception {
        // Never paper: the printer named by -Dliaisondesk.printer, else a PDF printer (CUPS-PDF) if there is one.
        String named = System.getProperty("liaisondesk.printer");
        Printer printer = PrintCheck.onFx(() -> named != null ? PrintCheck.printer(named)
                : Printer.getAllPrinters().stream().filter(p -> p.getName().toUpperCase().contains("PDF"))
                        .findFirst().orElse(null));
        Assumptions.assumeTrue(printer != null, "no PDF printer installed (or -Dliaisondesk.printer=NAME)");
        List<FormService.RegisterForm> forms = app.forms().registerFormsForDay(LocalDate.of(2026, 11, 3), Role.CLERK);
        List<Region> pages = PrintCheck.onFx(() -> forms.stream().map(RegisterFormNode::of).toList());
        assertThat(PrintCheck.print(printer, "liaison-desk-test", pages)).isEqualTo(2);
        Region laidOut = pages.get(0);
        double scale = laidOut.getTransforms().isEmpty() ? 1 : laidOut.getTransforms().get(0).getMxx();
        assertThat(laidOut.getHeight() * scale).isLessThanOrEqualTo(PrintViewModel.a4(printer).getPrintableHeight()
                + 0.5);
    }

    @Test
    void withoutAPrinterTheClerkIsToldSoAndNoDialogOpens() throws Exception {
        try (TestUi t = new TestUi(dir.resolve("t.db"))) {
            PrintViewModel model = new PrintViewModel(t.ui, t.app::forms, t.app::receptions, t.app.clock(), () -> null);
            boolean[] asked = {false};
            PrintCheck.onFx(() -> {
                model.register(id, job -> asked[0] = true);
                return null;
            });
            for (int i = 0; i < 300 && model.printingProperty().get(); i++) {
                Thread.sleep(100);
                PrintCheck.onFx(() -> null);
            }
            assertThat(model.printingProperty().get()).isFalse();
            assertThat(model.statusProperty().get()).isEqualTo(t.ui.text("print.error.noPrinter"))
                    .contains("没有安装打印机");
            assertThat(asked[0]).isFalse();
            assertThat(t.errors).singleElement().isInstanceOfSatisfying(UserFacingException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("print.error.noPrinter"));
        }
    }

    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Text t) {
            out.add(t.getText().replace("\u3000\u3000", ""));
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static Node find(Node node, String text) {
        if (node instanceof Text t && t.getText().equals(text)) {
            return t;
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = find(c, text);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}

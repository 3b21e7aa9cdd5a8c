package org.liaisondesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers pointing one way: a headless core, SQL only in the store, window and command line apart. */
class ArchitectureTest {

    private static final String[] CORE = {"org.liaisondesk.model..", "org.liaisondesk.i18n..",
        "org.liaisondesk.store..", "org.liaisondesk.tagging..", "org.liaisondesk.generate..",
        "org.liaisondesk.exchange..", "org.liaisondesk.search..", "org.liaisondesk.service..",
        "org.liaisondesk.app..", "org.liaisondesk.json..", "org.liaisondesk.security..",
        "org.liaisondesk.bench..", "org.liaisondesk.crypto..", "org.liaisondesk.report.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.liaisondesk");
    }

    @Test
    void coreHasNoJavaFx() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..").check(classes);
    }

    @Test
    void onlyTheStoreTalksSql() {
        noClasses().that().resideOutsideOfPackages("org.liaisondesk.store..", "org.liaisondesk.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..").check(classes);
    }

    @Test
    void coreDoesNotKnowTheWindowOrTheCommandLine() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("org.liaisondesk.ui..", "org.liaisondesk.cli..").check(classes);
    }

    @Test
    void windowAndCommandLineStayApart() {
        noClasses().that().resideInAPackage("org.liaisondesk.cli..").should().dependOnClassesThat()
                .resideInAPackage("org.liaisondesk.ui..").check(classes);
        noClasses().that().resideInAPackage("org.liaisondesk.ui..").should().dependOnClassesThat()
                .resideInAPackage("org.liaisondesk.cli..").check(classes);
    }

    @Test
    void modelDependsOnNothingElse() {
        noClasses().that().resideInAPackage("org.liaisondesk.model..").should().dependOnClassesThat()
                .resideInAnyPackage("org.liaisondesk.store..", "org.liaisondesk.service..", "org.liaisondesk.app..",
                        "org.liaisondesk.tagging..")
                .check(classes);
    }
}

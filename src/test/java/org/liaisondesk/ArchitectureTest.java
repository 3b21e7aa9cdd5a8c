package org.liaisondesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

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

    /** The window reads and writes through use-case services; repositories and SQL stay behind them. */
    @Test
    void windowNeverTouchesTheStore() {
        noClasses().that().resideInAPackage("org.liaisondesk.ui..").should().dependOnClassesThat()
                .resideInAPackage("org.liaisondesk.store..").check(classes);
    }

    /**
     * One composition root for the window: only these ui classes see {@code AppContext}; every screen and view model
     * gets the narrow services it uses through its constructor.
     */
    @Test
    void onlyTheCompositionRootSeesTheAppContext() {
        noClasses().that().resideInAPackage("org.liaisondesk.ui..")
                .and().haveNameNotMatching("org\\.liaisondesk\\.ui\\.(Services|AppWindow)(\\$.*)?")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.liaisondesk.app.AppContext")
                .check(classes);
    }

    /** View models are handed their services; they never ask the composition root for more. */
    @Test
    void viewModelsDoNotReachForTheCompositionRoot() {
        noClasses().that().resideInAPackage("org.liaisondesk.ui..").and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.liaisondesk.ui.Services")
                .check(classes);
    }

    /** The arrows between the layers: window and command line on top, services below, the core at the bottom. */
    @Test
    void layersPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.liaisondesk..")
                .layer("Launcher").definedBy("org.liaisondesk")
                .layer("Window").definedBy("org.liaisondesk.ui..")
                .layer("CommandLine").definedBy("org.liaisondesk.cli..")
                .layer("Bench").definedBy("org.liaisondesk.bench..")
                .layer("App").definedBy("org.liaisondesk.app..")
                .layer("Services").definedBy("org.liaisondesk.service..", "org.liaisondesk.report..",
                        "org.liaisondesk.exchange..")
                .layer("Store").definedBy("org.liaisondesk.store..")
                .layer("Core").definedBy("org.liaisondesk.model..", "org.liaisondesk.i18n..",
                        "org.liaisondesk.tagging..", "org.liaisondesk.generate..", "org.liaisondesk.search..",
                        "org.liaisondesk.crypto..", "org.liaisondesk.json..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Window").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("CommandLine").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Bench").mayOnlyBeAccessedByLayers("CommandLine")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Launcher", "Window", "CommandLine", "Bench")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("App", "Window", "CommandLine", "Bench",
                        "Services")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Services", "CommandLine", "Bench")
                .check(classes);
    }
}

package org.schoolcollab;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The borders the layout promises, checked on the compiled classes: handler -> service and its rules -> ports, with
 * the adapters behind the ports and the HTTP edge (api) in front. A change that crosses a border fails here.
 */
class ArchitectureUnitTest {
    /** Where the domain lives: the shared kernel and every feature, without their adapters. */
    static final String[] DOMAIN = {"org.schoolcollab.kernel", "org.schoolcollab.eoi", "org.schoolcollab.community",
            "org.schoolcollab.funding", "org.schoolcollab.grant", "org.schoolcollab.plan", "org.schoolcollab.review",
            "org.schoolcollab.visit", "org.schoolcollab.report", "org.schoolcollab.notify"};

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.schoolcollab");

    /** The stores, senders and URL signers that implement the ports (a stream record's item mapper is not one). */
    private static final DescribedPredicate<JavaClass> ADAPTER = resideInAPackage("..adapters..")
            .and(DescribedPredicate.not(simpleNameEndingWith("ItemMapper")));

    @Test
    void noPackageDependsOnAnotherThatDependsOnItInTurn() {
        slices().matching("org.schoolcollab.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainKnowsNothingOfHttpLambdaOrTheAwsSdk() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolcollab.api..", "org.schoolcollab.handlers..",
                        "org.schoolcollab.wiring..", "com.amazonaws.services.lambda..", "software.amazon..")
                .because("services take an actor and a command and answer with domain results or rejections; "
                        + "the edge (api, handlers) speaks HTTP and the adapters speak AWS")
                .check(CLASSES);
    }

    @Test
    void theDomainReachesStorageOnlyThroughItsPorts() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("..adapters..")
                .check(CLASSES);
    }

    @Test
    void handlersCallServicesNeverAnAdapter() {
        noClasses().that().resideInAPackage("org.schoolcollab.handlers..")
                .should().dependOnClassesThat(ADAPTER)
                .because("a handler gets its service from the composition root (wiring) and calls only that; it may "
                        + "read its stream record with the record's item mapper")
                .check(CLASSES);
    }

    @Test
    void theHttpEdgeReadsAndWritesJsonButStoresNothing() {
        noClasses().that().resideInAPackage("org.schoolcollab.api..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapters..", "org.schoolcollab.handlers..",
                        "org.schoolcollab.wiring..")
                .check(CLASSES);
    }

    @Test
    void adaptersServeTheDomainNotTheEdge() {
        noClasses().that().resideInAPackage("..adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolcollab.api..", "org.schoolcollab.handlers..",
                        "org.schoolcollab.wiring..")
                .check(CLASSES);
    }
}

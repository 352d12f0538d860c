package nl.kansrijkewijk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of docs/architecture.md, on the main classes of every module (kw-local sees them all).
 * Maven already stops a module from using one it does not depend on; these rules hold what Maven cannot: no AWS
 * type in the core or in the generic pipeline, and no test kit or local tooling in what is deployed.
 *
 * <p>The core (kw-shared) is every {@code nl.kansrijkewijk} package that is not one of the other modules, so a
 * new core package is covered without editing this test.
 */
class LayeringTest {
    private static final String[] NOT_CORE = {
        "nl.kansrijkewijk.pipeline..", "nl.kansrijkewijk.functions..", "nl.kansrijkewijk.local..", "nl.kansrijkewijk.testkit.."
    };
    private static final String[] AWS = {"software.amazon..", "com.amazonaws.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("nl.kansrijkewijk");
        // Every module's main classes must be in view, or the rules below would hold vacuously.
        for (String name : new String[] {"nl.kansrijkewijk.processing.DocumentProcessor",
                "nl.kansrijkewijk.pipeline.UploadPipeline", "nl.kansrijkewijk.pipeline.s3.S3ObjectStore",
                "nl.kansrijkewijk.functions.aanvraag.AanvraagUploadHandler", "nl.kansrijkewijk.testkit.s3.EmbeddedS3"}) {
            assertTrue(classes.contain(name), name + " not imported");
        }
    }

    @Test
    void theCoreHasNoAwsTypeAndDependsOnNoOtherModule() {
        ArchRule rule = noClasses().that().resideInAPackage("nl.kansrijkewijk..").and().resideOutsideOfPackages(NOT_CORE)
                .should().dependOnClassesThat().resideInAnyPackage(AWS)
                .orShould().dependOnClassesThat().resideInAnyPackage(NOT_CORE);
        rule.check(classes);
    }

    @Test
    void theGenericPipelineHasNoAwsTypeOnlyItsS3AdaptersDo() {
        // The status read model and the werkvoorraad builder too: both functions use them over their own adapters.
        noClasses().that().resideInAnyPackage("nl.kansrijkewijk.pipeline", "nl.kansrijkewijk.pipeline.status..",
                        "nl.kansrijkewijk.pipeline.werkvoorraad..")
                .should().dependOnClassesThat().resideInAnyPackage(AWS)
                .orShould().dependOnClassesThat().resideInAPackage("nl.kansrijkewijk.pipeline.s3..")
                .check(classes);
    }

    @Test
    void thePipelineKnowsNoFunctionNoTestKitAndNoLocalTooling() {
        noClasses().that().resideInAPackage("nl.kansrijkewijk.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nl.kansrijkewijk.functions..", "nl.kansrijkewijk.local..", "nl.kansrijkewijk.testkit..")
                .check(classes);
    }

    @Test
    void functionsDependOnThePipelineAndTheCoreOnlyNotOnEachOther() {
        noClasses().that().resideInAPackage("nl.kansrijkewijk.functions..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.kansrijkewijk.local..", "nl.kansrijkewijk.testkit..")
                .check(classes);
        // One module per function: a function never reaches into another function's package.
        noClasses().that().resideInAPackage("nl.kansrijkewijk.functions.aanvraag..")
                .should().dependOnClassesThat(resideInAPackage("nl.kansrijkewijk.functions..")
                        .and(not(resideInAPackage("nl.kansrijkewijk.functions.aanvraag.."))))
                .check(classes);
    }

    @Test
    void theTestKitIsUsedByNothingThatIsDeployed() {
        noClasses().that().resideOutsideOfPackages("nl.kansrijkewijk.local..", "nl.kansrijkewijk.testkit..")
                .should().dependOnClassesThat().resideInAPackage("nl.kansrijkewijk.testkit..")
                .check(classes);
    }

    /**
     * Every package of the core depends one way: the finding machinery below the aanvraag, the aanvraag below the
     * besluit, the besluit below its checks, the domain below processing and rendering. A cycle would make a
     * concept impossible to read, test or move on its own.
     */
    @Test
    void theCorePackagesAreFreeOfCycles() {
        slices().matching("nl.kansrijkewijk.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The finding machinery knows no document kind: aanvraag, verantwoording and dossier all build on it. */
    @Test
    void theFindingMachineryKnowsNoDocumentKind() {
        noClasses().that().resideInAPackage("nl.kansrijkewijk.finding..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.kansrijkewijk.aanvraag..",
                        "nl.kansrijkewijk.check..", "nl.kansrijkewijk.besluit..", "nl.kansrijkewijk.sisa..",
                        "nl.kansrijkewijk.verantwoording..", "nl.kansrijkewijk.dossier..", "nl.kansrijkewijk.reader..")
                .check(classes);
    }
}

package org.bestplace;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages form layers (README, "Layout"): a package uses only the layers below it.
 * Read from the compiled classes, so a fully qualified name or a static call counts as much as an
 * import does.
 */
@AnalyzeClasses(packages = "org.bestplace", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule noCycleBetweenFeatures = slices().matching("org.bestplace.(*)..")
            .namingSlices("$1").should().beFreeOfCycles();

    // Main starts everything; BestplaceConfig, the settings, is read by every layer and reads none.
    @ArchTest
    static final ArchRule layersOnlyLookDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("start").definedBy(or(resideInAnyPackage("org.bestplace.demo..", "org.bestplace.generate.."),
                    belongToAnyOf(Main.class)))
            .layer("results").definedBy("org.bestplace.results..", "org.bestplace.commissioning..",
                    "org.bestplace.programme..", "org.bestplace.guide..")
            .layer("debrief").definedBy("org.bestplace.debrief..", "org.bestplace.training..")
            .layer("review").definedBy("org.bestplace.review..")
            .layer("audit").definedBy("org.bestplace.audit..")
            .layer("criteria").definedBy("org.bestplace.criteria..")
            .layer("security").definedBy("org.bestplace.security..", "org.bestplace.activity..")
            .layer("base").definedBy(or(resideInAnyPackage("org.bestplace.statistics..", "org.bestplace.web..",
                    "org.bestplace.operations..", "org.bestplace.database.."), belongToAnyOf(BestplaceConfig.class)))
            .whereLayer("start").mayNotBeAccessedByAnyLayer()
            .whereLayer("results").mayOnlyBeAccessedByLayers("start")
            .whereLayer("debrief").mayOnlyBeAccessedByLayers("start", "results")
            .whereLayer("review").mayOnlyBeAccessedByLayers("start", "results", "debrief")
            .whereLayer("audit").mayOnlyBeAccessedByLayers("start", "results", "debrief", "review")
            .whereLayer("criteria").mayOnlyBeAccessedByLayers("start", "results", "debrief", "review", "audit")
            .whereLayer("security").mayOnlyBeAccessedByLayers("start", "results", "debrief", "review", "audit",
                    "criteria");
}

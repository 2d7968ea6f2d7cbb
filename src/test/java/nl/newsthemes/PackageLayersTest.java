package nl.newsthemes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The job's packages depend one way, checked by ArchUnit on the compiled classes: no cycle among the packages, each
 * package uses only packages below it in {@link #BOTTOM_UP}, the root package (the job and its pipeline) is used by
 * none, and the bottom packages use no other package of the job. README, "Layout", draws the same order.
 */
class PackageLayersTest {
    private static final String ROOT = "nl.newsthemes";
    /** The packages from the bottom up: each may use those before it, never those after it. */
    static final List<String> BOTTOM_UP = List.of("schema", "run", "spark", "text", "features", "topics", "config",
            "ingest", "themes", "analysis", "output", "nightly", "report");
    /** The bottom packages, which use no other package of the job. */
    static final List<String> INDEPENDENT = List.of("schema", "run", "spark", "text");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void noPackageCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("job").definedBy(ROOT);
        for (String name : BOTTOM_UP) {
            layers = layers.layer(name).definedBy(ROOT + "." + name + "..");
        }
        layers = layers.whereLayer("job").mayNotBeAccessedByAnyLayer();
        for (int i = 0; i < BOTTOM_UP.size(); i++) {
            List<String> above = new java.util.ArrayList<>(BOTTOM_UP.subList(i + 1, BOTTOM_UP.size()));
            above.add("job");
            layers = layers.whereLayer(BOTTOM_UP.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        layers.check(CLASSES);
    }

    @Test
    void theBottomPackagesUseNoOtherPackageOfTheJob() {
        for (String name : INDEPENDENT) {
            noClasses().that().resideInAPackage(ROOT + "." + name + "..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT)
                    .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "are in another package of the job",
                            c -> c.getPackageName().startsWith(ROOT + ".") && !c.getPackageName().startsWith(ROOT + "." + name)))
                    .check(CLASSES);
        }
    }
}

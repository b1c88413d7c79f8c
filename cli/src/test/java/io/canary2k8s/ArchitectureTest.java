package io.canary2k8s;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between the modules, checked on the compiled main classes of every
 * module (the cli module sees them all). Maven alone does not enforce it: a module can use the
 * classes of a module it only reaches transitively.
 *
 * <pre>
 *   common  &lt;-  discover  &lt;-  translate  &lt;-  render  &lt;-  cli
 * </pre>
 *
 * Foreign types stay at the edges: AWS SDK types only in live discovery, fabric8 types only where
 * Kubernetes objects are built and written.
 *
 * <p>The other modules' classes are directories in a {@code test} run and jars in a {@code verify}
 * run; both are imported, their test classes (test-classes directories, test-jars) not.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.canary2k8s");
  }

  @Test
  void modulesDependOnlyOnTheModulesBeforeThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("common")
        .definedBy(
            "io.canary2k8s.notes..",
            "io.canary2k8s.input..",
            "io.canary2k8s.concurrent..",
            "io.canary2k8s.text..")
        .layer("discover")
        .definedBy("io.canary2k8s.discover..", "io.canary2k8s.inventory..")
        .layer("translate")
        .definedBy(
            "io.canary2k8s.config..",
            "io.canary2k8s.names..",
            "io.canary2k8s.split..",
            "io.canary2k8s.plan..",
            "io.canary2k8s.emit..",
            "io.canary2k8s.yaml..",
            "io.canary2k8s.translate..")
        .layer("render")
        .definedBy("io.canary2k8s.render..")
        .layer("cli")
        .definedBy("io.canary2k8s.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("render")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("translate")
        .mayOnlyBeAccessedByLayers("render", "cli")
        .whereLayer("discover")
        .mayOnlyBeAccessedByLayers("translate", "render", "cli")
        .check(classes);
  }

  @Test
  void awsSdkTypesStayInLiveDiscovery() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.canary2k8s.discover.live..", "io.canary2k8s.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(classes);
  }

  @Test
  void thePlanSpeaksNeitherAwsNorKubernetes() {
    noClasses()
        .that()
        .resideInAnyPackage("io.canary2k8s.plan..", "io.canary2k8s.split..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon.awssdk..", "io.fabric8..", "io.canary2k8s.emit..")
        .check(classes);
  }
}

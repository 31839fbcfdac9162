package dev.dataapi.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** Keeps the hexagon's dependencies pointing inward: adapters -> ports <- core, app -> everything. */
@AnalyzeClasses(packages = "dev.dataapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ports_depend_only_on_the_jdk = classes().that().resideInAPackage("dev.dataapi.ports..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.dataapi.ports..", "java..");

    @ArchTest
    static final ArchRule core_depends_only_on_ports_and_the_jdk = classes().that().resideInAPackage("dev.dataapi.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.dataapi.core..", "dev.dataapi.ports..", "java..",
                    "javax.crypto..")
            .because("core is plain JDK; javax.crypto is the JDK's own HMAC, used to sign webhooks");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_core = noClasses()
            .that().resideInAnyPackage("dev.dataapi.http..", "dev.dataapi.sql..", "dev.dataapi.jobs..", "dev.dataapi.webhook..")
            .should().dependOnClassesThat().resideInAPackage("dev.dataapi.core..");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("dev.dataapi.(http|sql|jobs|webhook)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule nothing_outside_app_depends_on_app = noClasses()
            .that().resideOutsideOfPackage("dev.dataapi.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.dataapi.app..");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.dataapi.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_generic_exceptions_thrown = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule only_commands_write_to_standard_streams = noClasses()
            .that().areNotAnnotatedWith(picocli.CommandLine.Command.class)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("operators read logs; only command-line commands print for a person");
}

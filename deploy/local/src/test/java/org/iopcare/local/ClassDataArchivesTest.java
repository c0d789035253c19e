package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchivesTest {

    @TempDir
    Path cds;

    @Test
    void onJava17TheArchiveIsDumpedFromTheTrainingRunsClassListWithoutItsLambdaLines() throws Exception {
        ClassDataArchives archives = new ClassDataArchives(true, cds, Path.of("java"), 17);
        archives.prepare();
        List<String> training = archives.trainingOptions(ServiceSpec.INTAKE);
        String listOption = training.get(0);
        assertThat(listOption).startsWith("-XX:DumpLoadedClassList=");
        assertThat(training)
                .contains("-Dspring.context.exit=onRefresh")
                .noneMatch(o -> o.contains("ArchiveClassesAtExit"));
        Path list = Path.of(listOption.substring(listOption.indexOf('=') + 1));
        Files.write(
                list,
                List.of(
                        "java/lang/Object id: 0",
                        "@lambda-proxy org/iopcare/intake/X run ()Ljava/lang/Runnable; ()V REF_invokeStatic X lambda$0 ()V ()V",
                        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L7_L",
                        "org/iopcare/intake/IntakeApplication"));

        List<String> dump = archives.dumpOptions(ServiceSpec.INTAKE);

        assertThat(dump).contains("-Xshare:dump", "-XX:SharedClassListFile=" + list);
        assertThat(Files.readAllLines(list))
                .containsExactly("java/lang/Object id: 0", "org/iopcare/intake/IntakeApplication");
        Path written = Path.of(dump.stream()
                .filter(o -> o.startsWith("-XX:SharedArchiveFile="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:SharedArchiveFile=".length()));
        assertThat(archives.has(ServiceSpec.INTAKE)).isFalse();

        Files.writeString(written, "archive");
        assertThat(archives.promote(ServiceSpec.INTAKE)).isTrue();

        assertThat(archives.has(ServiceSpec.INTAKE)).isTrue();
        assertThat(archives.jvmOptions(ServiceSpec.INTAKE))
                .contains("-XX:SharedArchiveFile=" + archives.archive(ServiceSpec.INTAKE));
        assertThat(list).as("the class list goes once the archive is written").doesNotExist();
    }

    @Test
    void onJava25TheTrainingRunWritesTheAotCacheItselfAndNeedsNoDump() throws Exception {
        ClassDataArchives archives = new ClassDataArchives(true, cds, Path.of("java"), 25);
        archives.prepare();

        assertThat(archives.trainingOptions(ServiceSpec.SCHEDULING)).anyMatch(o -> o.startsWith("-XX:AOTCacheOutput="));
        assertThat(archives.dumpOptions(ServiceSpec.SCHEDULING)).isEmpty();
    }
}

package io.jxengine.jenkins.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jxe convert}'s files and exit codes, with the command run in-process. */
class ConvertCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine root = new CommandLine(new Root());
    new ConvertCliExtension().register(root);
    root.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "convert";
    System.arraycopy(args, 0, all, 1, args.length);
    return root.execute(all);
  }

  @CommandLine.Command(name = "jxe")
  static final class Root {}

  @Test
  void writesThePipelineAndTheReportToFiles() throws Exception {
    Path jf = dir.resolve("Jenkinsfile");
    Files.writeString(jf, "pipeline {\n  agent any\n  options { timestamps() }\n  stages { stage('Build It') { steps { sh 'make' } } }\n}\n");
    Path yaml = dir.resolve(".jx/pipeline.yaml");
    Path report = dir.resolve("report.txt");
    assertThat(run(jf.toString(), "-o", yaml.toString(), "--report", report.toString())).isZero();
    assertThat(Files.readString(yaml)).contains("- name: build-it").contains("run: make");
    assertThat(Files.readString(report)).contains("info[JX608]").contains("info[JX609]").contains("0 errors, 0 warnings, 2 notes");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void printsToStandardOutputWithoutAFile() throws Exception {
    Path jf = dir.resolve("Jenkinsfile");
    Files.writeString(jf, "pipeline { agent any\n stages { stage('a') { steps { echo 'hi' } } } }\n");
    assertThat(run(jf.toString())).isZero();
    assertThat(out.toString()).contains("run: echo 'hi'");
    assertThat(err.toString()).contains("0 errors");
  }

  @Test
  void errorsExitOneAndWriteNoPipeline() throws Exception {
    Path jf = dir.resolve("Jenkinsfile");
    Files.writeString(jf, "pipeline { agent any\n stages { stage('a') { steps { bat 'x' } } } }\n");
    Path yaml = dir.resolve("out.yaml");
    assertThat(run(jf.toString(), "-o", yaml.toString())).isEqualTo(1);
    assertThat(yaml).doesNotExist();
    assertThat(err.toString()).contains("error[JX604]").contains("Windows");
  }

  @Test
  void aMissingFileIsADiagnostic() {
    assertThat(run(dir.resolve("nope").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("JX001");
  }
}

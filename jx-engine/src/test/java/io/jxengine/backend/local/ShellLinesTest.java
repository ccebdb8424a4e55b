package io.jxengine.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The step shell's output protocol: which lines belong to the step, where it ends, its code. */
class ShellLinesTest {
  final ShellLines lines = new ShellLines();
  final List<String> got = new ArrayList<>();

  /** Feeds what the pump hands on for the shell's output (the driver adds "\n<nonce> <rc>"). */
  CompletableFuture<Integer> step(String nonce, String... output) {
    CompletableFuture<Integer> exit = lines.expect(nonce, got::add);
    for (String line : output) {
      lines.accept(line);
    }
    return exit;
  }

  @Test
  void outputEndingWithANewlineLosesOnlyTheDriversEmptyLine() {
    // step printed "a\nb\n"; the driver's newline makes one empty line
    var exit = step("n-1", "a", "b", "", "n-1 0");
    assertThat(got).containsExactly("a", "b");
    assertThat(exit).isCompletedWithValue(0);
  }

  @Test
  void outputWithoutAFinalNewlineKeepsItsLastLine() {
    // step printed "a\nno-newline"; the driver's newline ends that line
    var exit = step("n-1", "a", "no-newline", "n-1 3");
    assertThat(got).containsExactly("a", "no-newline");
    assertThat(exit).isCompletedWithValue(3);
  }

  @Test
  void emptyLinesAStepPrintedAreKept() {
    // step printed "a\n\n\n": two empty lines of its own, then the driver's
    var exit = step("n-1", "a", "", "", "", "n-1 0");
    assertThat(got).containsExactly("a", "", "");
    assertThat(exit).isCompletedWithValue(0);
  }

  @Test
  void aStepWithoutOutputHasNoLines() {
    assertThat(step("n-1", "", "n-1 0")).isCompletedWithValue(0);
    assertThat(got).isEmpty();
  }

  @Test
  void linesThatOnlyLookLikeAMarkerAreOutput() {
    var exit = step("n-2", "n-1 0", "n-2 x", "n-2 0 0", "n-2 1234", "xn-2 0", "", "n-2 7");
    assertThat(got).containsExactly("n-1 0", "n-2 x", "n-2 0 0", "n-2 1234", "xn-2 0");
    assertThat(exit).isCompletedWithValue(7);
  }

  @Test
  void theEndOfTheOutputBeforeTheMarkerEndsTheStepWithoutACode() {
    var exit = step("n-1", "a", "", "partial");
    lines.ended();
    assertThat(exit).isCompletedWithValue(null);
    assertThat(got).containsExactly("a", "", "partial");
  }

  @Test
  void heldBackEmptyLinesAreTheStepsWhenTheShellDies() {
    var exit = step("n-1", "a", "");
    lines.ended();
    assertThat(got).containsExactly("a", "");
    assertThat(exit).isCompletedWithValue(null);
  }

  @Test
  void linesBetweenStepsHaveNoOwnerAndTheNextStepStartsClean() {
    step("n-1", "a", "", "n-1 0");
    lines.accept("late line of a leftover");
    got.clear();
    var exit = step("n-2", "b", "", "n-2 1");
    assertThat(got).containsExactly("b");
    assertThat(exit).isCompletedWithValue(1);
  }
}

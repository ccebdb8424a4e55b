package io.jxengine.scm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommentMarkerTest {
  @Test
  void marksTheEndOfTheBodyOnce() {
    String marked = CommentMarker.mark("All green", "summary");

    assertThat(marked).isEqualTo("All green\n\n<!-- jxe:summary -->");
    assertThat(CommentMarker.mark(marked, "summary")).isEqualTo(marked);
    assertThat(CommentMarker.mark("", "summary")).isEqualTo("<!-- jxe:summary -->");
  }

  @Test
  void findsOnlyItsOwnMarker() {
    String marked = CommentMarker.mark("x", "summary");

    assertThat(CommentMarker.isMarked(marked, "summary")).isTrue();
    assertThat(CommentMarker.isMarked(marked, "summ")).isFalse();
    assertThat(CommentMarker.isMarked(null, "summary")).isFalse();
  }

  @Test
  void refusesMarkersThatCouldCloseTheHtmlComment() {
    assertThatThrownBy(() -> CommentMarker.line("a -->"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommentMarker.line("")).isInstanceOf(IllegalArgumentException.class);
  }
}

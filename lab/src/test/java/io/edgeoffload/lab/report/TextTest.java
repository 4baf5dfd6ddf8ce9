package io.edgeoffload.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Escaping for HTML, LaTeX and Markdown, and the report's number format. */
class TextTest {
  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertThat(Text.html("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(Text.html(null)).isEmpty();
    assertThat(Text.html("env.numUsers=12, policy ± π")).isEqualTo("env.numUsers=12, policy ± π");
  }

  @Test
  void latexEscapesEverySpecialCharacter() {
    assertThat(Text.latex("a_b & 50% #1 $x$ {y} ~ ^ \\"))
        .isEqualTo(
            "a\\_b \\& 50\\% \\#1 \\$x\\$ \\{y\\} \\textasciitilde{} \\textasciicircum{}"
                + " \\textbackslash{}");
    assertThat(Text.latex("a\nb")).isEqualTo("a b");
    assertThat(Text.latex("<|>")).isEqualTo("\\textless{}\\textbar{}\\textgreater{}");
  }

  @Test
  void latexWritesSymbolsAndGreekAsMath() {
    assertThat(Text.latex("Σ_n τ_n ± 1 – x"))
        .isEqualTo("\\ensuremath{\\Sigma}\\_n \\ensuremath{\\tau}\\_n \\ensuremath{\\pm} 1 -- x");
  }

  @Test
  void markdownCellsCannotBreakTheTable() {
    assertThat(Text.markdown("a|b\nc *d* _e_")).isEqualTo("a\\|b c \\*d\\* \\_e\\_");
    assertThat(Text.markdown("x\\|")).isEqualTo("x\\\\\\|");
  }

  @Test
  void firstLineOfAnError() {
    assertThat(Text.firstLine("  boom: bad\n\tat x.y(Z.java:1)\n")).isEqualTo("boom: bad");
    assertThat(Text.firstLine(null)).isEmpty();
  }

  @Test
  void meanAndHalfWidthShowTwoSignificantDigitsOfTheHalfWidth() {
    assertThat(Text.meanAndHalfWidth(12.34567, 0.04321)).containsExactly("12.346", "0.043");
    assertThat(Text.meanAndHalfWidth(1234.4, 56.7)).containsExactly("1234", "57");
    assertThat(Text.meanAndHalfWidth(0.5, 1.2)).containsExactly("0.5", "1.2");
    assertThat(Text.meanAndHalfWidth(3.14159, 0)).containsExactly("3.142", "0.000");
    assertThat(Text.meanAndHalfWidth(Double.NaN, 1)).containsExactly("n/a", "n/a");
  }

  @Test
  void fileNamesKeepSafeCharactersOnly() {
    assertThat(Text.fileName("mean_delay (s)/x")).isEqualTo("mean_delay__s__x");
    assertThat(Text.fileName(".hidden")).isEqualTo("_.hidden");
  }
}

package io.edgeoffload.lab.report;

import java.util.Locale;

/** Escaping of text put into HTML, LaTeX and Markdown, and the report's number formats. */
public final class Text {
  private Text() {}

  /** {@code s} safe as HTML element content or a quoted attribute value; null becomes "". */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Non-ASCII symbols that metric descriptions use, as LaTeX (pdflatex has no glyphs for them). */
  private static final java.util.Map<Character, String> LATEX_SYMBOLS = latexSymbols();

  private static java.util.Map<Character, String> latexSymbols() {
    java.util.Map<Character, String> m = new java.util.HashMap<>();
    String[][] math = {
      {"±", "pm"},
      {"×", "times"},
      {"·", "cdot"},
      {"≤", "leq"},
      {"≥", "geq"},
      {"→", "to"},
      {"≈", "approx"},
      {"∞", "infty"},
      {"−", "-"},
      {"°", "^{\\circ}"},
      {"µ", "mu"}
    };
    for (String[] e : math) {
      String cmd = e[1].equals("-") ? "-" : e[1].startsWith("^") ? e[1] : "\\" + e[1];
      m.put(e[0].charAt(0), "\\ensuremath{" + cmd + "}");
    }
    String greek =
        "αalpha βbeta γgamma δdelta εepsilon ζzeta ηeta θtheta κkappa λlambda μmu νnu ξxi πpi"
            + " ρrho σsigma τtau φphi χchi ψpsi ωomega ΓGamma ΔDelta ΘTheta ΛLambda ΞXi ΠPi"
            + " ΣSigma ΦPhi ΨPsi ΩOmega";
    for (String g : greek.split(" ")) {
      m.put(g.charAt(0), "\\ensuremath{\\" + g.substring(1) + "}");
    }
    m.put('–', "--");
    m.put('—', "---");
    m.put('…', "\\ldots{}");
    return java.util.Map.copyOf(m);
  }

  /**
   * {@code s} as literal LaTeX text: the ten special characters escaped, common symbols and Greek
   * letters as math commands; null becomes "".
   */
  public static String latex(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '{', '}', '$', '&', '#', '_', '%' -> sb.append('\\').append(c);
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        case '<' -> sb.append("\\textless{}");
        case '>' -> sb.append("\\textgreater{}");
        case '|' -> sb.append("\\textbar{}");
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(LATEX_SYMBOLS.getOrDefault(c, String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  /**
   * {@code s} as the text of one Markdown table cell: pipes and Markdown's inline punctuation
   * backslash-escaped, line breaks as spaces; null becomes "".
   */
  public static String markdown(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '|', '*', '_', '`', '<', '>', '[', ']' -> sb.append('\\').append(c);
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The first line of {@code s} (null becomes ""). */
  public static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).strip();
  }

  /**
   * A mean and its interval's half-width, both with the decimals that show two significant digits
   * of the half-width (four significant digits of the mean when the half-width is 0 or undefined).
   *
   * @return {@code {mean, halfWidth}} as text
   */
  public static String[] meanAndHalfWidth(double mean, double halfWidth) {
    if (!Double.isFinite(mean)) {
      return new String[] {"n/a", "n/a"};
    }
    int decimals;
    if (Double.isFinite(halfWidth) && halfWidth > 0) {
      decimals = 1 - (int) Math.floor(Math.log10(halfWidth));
    } else if (mean != 0) {
      decimals = 3 - (int) Math.floor(Math.log10(Math.abs(mean)));
    } else {
      decimals = 2;
    }
    decimals = Math.max(0, Math.min(decimals, 9));
    String f = "%." + decimals + "f";
    String hw = Double.isFinite(halfWidth) ? String.format(Locale.ROOT, f, halfWidth) : "n/a";
    return new String[] {String.format(Locale.ROOT, f, mean), hw};
  }

  /** A name usable as a file name: characters other than letters, digits, '.', '_', '-' as '_'. */
  public static String fileName(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
    return t.isEmpty() || t.startsWith(".") ? "_" + t : t;
  }
}

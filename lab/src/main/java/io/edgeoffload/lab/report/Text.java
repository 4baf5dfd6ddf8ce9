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

  /** {@code s} as literal LaTeX text (the ten special characters escaped); null becomes "". */
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
        default -> sb.append(c);
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

package io.edgeoffload.lab;

import io.edgeoffload.core.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Root seeds written as text: a list {@code 1,2,7}, a range {@code 1-5}, or both ({@code 1-3,9}).
 */
public final class Seeds {
  /** The most seeds one range may name. */
  public static final int MAX_RANGE = 10_000;

  private Seeds() {}

  /**
   * Parses {@code text}; every problem is a {@link ConfigException} under {@code key}.
   *
   * @param key the option or spec key the text came from ({@code --seeds}, {@code seeds})
   */
  public static List<Long> parse(String key, String text) {
    List<Long> out = new ArrayList<>();
    try {
      for (String part : text.split(",")) {
        String p = part.trim();
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long a = Long.parseLong(p.substring(0, dash).trim());
          long b = Long.parseLong(p.substring(dash + 1).trim());
          if (b < a || b - a >= MAX_RANGE) {
            throw new ConfigException(
                key, text, "a range a-b needs a ≤ b and at most " + MAX_RANGE + " seeds");
          }
          for (long s = a; s <= b; s++) {
            out.add(s);
          }
        } else {
          out.add(Long.parseLong(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new ConfigException(key, text, "expected integers, as a list (1,2,7) or a range (1-5)");
    }
    return distinct(key, text, out);
  }

  /** {@code seeds} itself, or a {@link ConfigException} when it names a seed twice. */
  public static List<Long> distinct(String key, Object given, List<Long> seeds) {
    if (seeds.stream().distinct().count() != seeds.size()) {
      throw new ConfigException(key, given, "names a seed twice; seeds must be distinct");
    }
    return seeds;
  }
}

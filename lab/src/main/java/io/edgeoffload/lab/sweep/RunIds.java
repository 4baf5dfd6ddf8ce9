package io.edgeoffload.lab.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.config.IdentityTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run identity: the first 16 hex digits of the SHA-256 of a canonical JSON document holding the
 * scheme, the bound configuration tree (its {@link IdentityTree} where it has one), the kind, the
 * policy, the budget, the seed and the kind's parameters. The code version is deliberately not part
 * of it: re-running a sweep after a commit reuses its completed runs (their provenance records the
 * commit that produced them).
 */
public final class RunIds {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private RunIds() {}

  /** The canonical document whose hash is the id. */
  public static String canonical(
      String kind,
      String scheme,
      Object config,
      String policy,
      long seed,
      int episodes,
      int trainEpisodes,
      Map<String, String> params) {
    ObjectNode doc = CANONICAL.createObjectNode();
    doc.put("kind", kind);
    doc.put("scheme", scheme);
    ObjectNode tree =
        config instanceof IdentityTree t ? t.identityTree() : ConfigLoader.toTree(config);
    doc.set("config", sorted(tree));
    doc.put("policy", policy);
    doc.put("seed", seed);
    doc.put("episodes", episodes);
    doc.put("trainEpisodes", trainEpisodes);
    ObjectNode p = doc.putObject("params");
    new TreeMap<>(params).forEach(p::put);
    try {
      return CANONICAL.writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of the canonical document: the first 16 hex digits of its SHA-256. */
  public static String of(String canonical) {
    return sha256(canonical).substring(0, 16);
  }

  /** The SHA-256 of {@code text} (UTF-8) in lower-case hex. */
  static String sha256(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An object tree with its fields in key order at every level, so field order cannot matter. */
  private static ObjectNode sorted(ObjectNode tree) {
    ObjectNode out = CANONICAL.createObjectNode();
    TreeMap<String, com.fasterxml.jackson.databind.JsonNode> fields = new TreeMap<>();
    tree.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    fields.forEach(
        (k, v) -> {
          if (v instanceof ObjectNode o) {
            out.set(k, sorted(o));
          } else {
            out.set(k, v);
          }
        });
    return out;
  }
}

package io.edgeoffload.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads layered YAML configuration and binds it to immutable, self-validating records.
 *
 * <p>Layers: preset (complete, shipped in the jar) &lt; experiment file &lt; {@code --set
 * key=value}. Every layer above the preset may only change keys the preset has: an unknown key is
 * rejected with the list of valid keys. Binding fails on unknown, missing or malformed keys, and
 * the records' own range checks name the full dotted key.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      JsonMapper.builder(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private ConfigLoader() {}

  /** The project's YAML mapper (shared, thread-safe once configured). */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** Reads a YAML resource from the class path. */
  public static ObjectNode readResource(String resource) {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigException("resource", resource, "no such resource in the jar");
      }
      return asObject(YAML.readTree(in), resource);
    } catch (JsonProcessingException e) {
      throw new ConfigException("malformed YAML in " + resource + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a YAML file. */
  public static ObjectNode readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config", file, "no such file");
    }
    try {
      return asObject(YAML.readTree(file.toFile()), file.toString());
    } catch (JsonProcessingException e) {
      throw new ConfigException("malformed YAML in " + file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode asObject(JsonNode node, String source) {
    if (!(node instanceof ObjectNode o)) {
      throw new ConfigException("config", source, "the top level must be a mapping of keys");
    }
    return o;
  }

  /**
   * Overlays {@code overlay} onto {@code base} in place. Keys of the overlay must exist in the
   * base.
   */
  public static void merge(ObjectNode base, ObjectNode overlay) {
    merge(base, overlay, "");
  }

  private static void merge(ObjectNode base, ObjectNode overlay, String path) {
    Iterator<String> names = overlay.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String key = path.isEmpty() ? name : path + "." + name;
      JsonNode current = base.get(name);
      JsonNode value = overlay.get(name);
      if (current == null) {
        throw unknownKey(key, value, base, path);
      }
      if (current.isObject() && value.isObject()) {
        merge((ObjectNode) current, (ObjectNode) value, key);
      } else if (current.isObject() != value.isObject()) {
        throw new ConfigException(
            key, value, current.isObject() ? "expected a mapping of keys" : "expected a value");
      } else {
        base.set(name, value);
      }
    }
  }

  /**
   * Applies one {@code key=value} override, e.g. {@code env.numUsers=12} or {@code
   * env.txPowerMax=20dBm}. The value is read as a YAML scalar.
   */
  public static void set(ObjectNode tree, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException(
          "--set", assignment, "expected key=value with a dotted key, e.g. env.numUsers=12");
    }
    String key = assignment.substring(0, eq).trim();
    String raw = assignment.substring(eq + 1).trim();
    JsonNode value;
    try {
      value = raw.isEmpty() ? null : YAML.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new ConfigException(key, raw, "cannot read the value: " + e.getOriginalMessage());
    }
    if (value == null || value.isMissingNode() || value.isNull()) {
      throw new ConfigException(key, raw, "a value is required after '='");
    }
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      String here = path.isEmpty() ? part : path + "." + part;
      JsonNode child = node.get(part);
      if (child == null) {
        throw unknownKey(here, raw, node, path.toString());
      }
      if (i == parts.length - 1) {
        if (child.isObject()) {
          throw new ConfigException(
              here, raw, "is a group of keys; set one of " + fieldNames(child, here));
        }
        node.set(part, value);
      } else {
        if (!child.isObject()) {
          throw new ConfigException(here, child, "is a value, not a group of keys");
        }
        node = (ObjectNode) child;
      }
      path.setLength(0);
      path.append(here);
    }
  }

  private static ConfigException unknownKey(
      String key, Object value, JsonNode parent, String path) {
    return new ConfigException(
        key,
        value,
        "unknown key; valid keys"
            + (path.isEmpty() ? "" : " under '" + path + "'")
            + ": "
            + fieldNames(parent, path));
  }

  private static List<String> fieldNames(JsonNode node, String path) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(n -> names.add(path.isEmpty() ? n : path + "." + n));
    return names;
  }

  /**
   * Binds {@code tree} to the record type {@code type}, turning every binding failure into a {@link
   * ConfigException} that names the dotted key.
   */
  public static <C> C bind(ObjectNode tree, Class<C> type) {
    try {
      return YAML.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      String path = pathOf(e, 1);
      String key = join(path, e.getPropertyName());
      List<String> valid =
          e.getKnownPropertyIds().stream()
              .map(o -> join(path, String.valueOf(o)))
              .sorted()
              .collect(Collectors.toList());
      throw new ConfigException(key, "?", "unknown key; valid keys: " + valid);
    } catch (ValueInstantiationException e) {
      throw fromCause(e);
    } catch (InvalidFormatException e) {
      throw new ConfigException(
          pathOf(e, 0), e.getValue(), "expected " + describe(e.getTargetType()));
    } catch (MismatchedInputException e) {
      String msg = e.getOriginalMessage();
      if (msg != null && msg.startsWith("Missing required creator property")) {
        String prop = msg.replaceAll(".*'([^']*)'.*", "$1");
        throw new ConfigException(
            join(pathOf(e, 0), prop), "(missing)", "required: every key must be given");
      }
      throw new ConfigException(
          pathOf(e, 0), "?", "expected " + describe(e.getTargetType()) + " (" + msg + ")");
    } catch (JsonMappingException e) {
      throw fromCause(e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("malformed configuration: " + e.getOriginalMessage());
    }
  }

  private static ConfigException fromCause(JsonMappingException e) {
    Throwable cause = e.getCause();
    while (cause instanceof JsonMappingException jm && jm.getCause() != null) {
      cause = jm.getCause();
    }
    String path = pathOf(e, 0);
    if (cause instanceof ConfigException ce) {
      // Thrown by a record's own check: its key is relative to the record's position.
      return ce.under(parentPathIfLeaf(e, ce, path));
    }
    String problem =
        cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
    return new ConfigException(path, "?", problem);
  }

  /**
   * Jackson reports a record's instantiation failure at the record's own path; a quantity's at the
   * quantity's key. A check inside a record names keys relative to that record.
   */
  private static String parentPathIfLeaf(JsonMappingException e, ConfigException ce, String path) {
    if (path.endsWith("." + ce.key()) || path.equals(ce.key())) {
      return path.substring(0, Math.max(0, path.length() - ce.key().length() - 1));
    }
    return path;
  }

  private static String pathOf(JsonMappingException e, int dropLast) {
    List<JsonMappingException.Reference> refs = e.getPath();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < refs.size() - dropLast; i++) {
      JsonMappingException.Reference r = refs.get(i);
      String part = r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]";
      if (sb.length() > 0 && r.getFieldName() != null) {
        sb.append('.');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == int.class || type == Integer.class || type == long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    return "a " + type.getSimpleName();
  }

  /** Writes {@code value} (a record tree) as YAML. */
  public static String toYaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write configuration as YAML", e);
    }
  }

  /** The tree form of a bound configuration (for layering onto it). */
  public static ObjectNode toTree(Object value) {
    return YAML.valueToTree(value);
  }

  /**
   * A copy of the configuration record {@code value} with {@code key=value} assignments applied
   * (the syntax of {@code --set}), bound and validated like a configuration file.
   */
  public static <C> C with(C value, Class<C> type, String... assignments) {
    ObjectNode tree = toTree(value);
    for (String a : assignments) {
      set(tree, a);
    }
    return bind(tree, type);
  }
}

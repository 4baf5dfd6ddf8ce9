package io.edgeoffload.core.registry;

import io.edgeoffload.core.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps ids to values (usually factories), in registration order. One visible registry per kind; an
 * unknown id fails with the list of valid ids.
 *
 * @param <T> what is registered
 */
public final class Registry<T> {
  /** One registered item. */
  public record Entry<T>(String id, String description, T value) {}

  private final String kind;
  private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

  /**
   * @param kind what the ids name, for error messages ("policy", "scheme", "approval strategy")
   */
  public Registry(String kind) {
    this.kind = kind;
  }

  /** Registers {@code value} under {@code id}; ids are unique. Returns this registry. */
  public Registry<T> register(String id, String description, T value) {
    if (entries.containsKey(id)) {
      throw new IllegalStateException(kind + " id registered twice: " + id);
    }
    entries.put(id, new Entry<>(id, description, value));
    return this;
  }

  /**
   * The value registered under {@code id}.
   *
   * @throws ConfigException naming the unknown id and listing the valid ones
   */
  public T get(String id) {
    Entry<T> e = entries.get(id);
    if (e == null) {
      throw new ConfigException(kind, id, "unknown " + kind + "; valid ids: " + ids());
    }
    return e.value();
  }

  public boolean contains(String id) {
    return entries.containsKey(id);
  }

  public List<String> ids() {
    return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
  }

  public List<Entry<T>> entries() {
    return List.copyOf(entries.values());
  }

  public String kind() {
    return kind;
  }
}

package io.edgeoffload.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistryTest {
  @Test
  void unknownIdListsValidIds() {
    Registry<Integer> r =
        new Registry<Integer>("policy").register("a", "A", 1).register("b", "B", 2);
    assertThat(r.get("b")).isEqualTo(2);
    assertThat(r.ids()).containsExactly("a", "b");
    assertThatThrownBy(() -> r.get("c"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown policy")
        .hasMessageContaining("[a, b]");
    assertThatThrownBy(() -> r.register("a", "again", 3)).isInstanceOf(IllegalStateException.class);
  }
}

package io.edgeoffload.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.units.DataSize;
import io.edgeoffload.core.units.Power;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  /** A small configuration shaped like the schemes' ones. */
  record Inner(int count, DataSize size, Power power, String mode) {
    Inner {
      Check.range("count", count, 1, 100);
      Check.positive("size", size.bits());
      Check.oneOf("mode", mode, "a", "b");
    }
  }

  record Outer(String name, Inner env) {
    Outer {
      Check.present("env", env);
    }
  }

  private static ObjectNode tree() throws Exception {
    return (ObjectNode)
        ConfigLoader.yaml()
            .readTree("name: x\nenv:\n  count: 5\n  size: 400 MB\n  power: 24 dBm\n  mode: a\n");
  }

  @Test
  void bindsQuantitiesAndRoundTripsThroughYaml() throws Exception {
    Outer o = ConfigLoader.bind(tree(), Outer.class);
    assertThat(o.env().size().bits()).isEqualTo(3.2e9);
    String yaml = ConfigLoader.toYaml(o);
    assertThat(yaml).contains("size: 400 MB").contains("power: 24 dBm");
    Outer again = ConfigLoader.bind((ObjectNode) ConfigLoader.yaml().readTree(yaml), Outer.class);
    assertThat(again).isEqualTo(o);
  }

  @Test
  void setOverridesAValueKeepingTypes() throws Exception {
    ObjectNode t = tree();
    ConfigLoader.set(t, "env.count=12");
    ConfigLoader.set(t, "env.power=20dBm");
    Outer o = ConfigLoader.bind(t, Outer.class);
    assertThat(o.env().count()).isEqualTo(12);
    assertThat(o.env().power().text()).isEqualTo("20 dBm");
  }

  @Test
  void unknownKeyInSetListsTheValidKeys() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.set(tree(), "env.cuont=3"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("env.cuont")
        .hasMessageContaining("unknown key")
        .hasMessageContaining("env.count");
  }

  @Test
  void unknownKeyInFileListsTheValidKeys() throws Exception {
    ObjectNode t = tree();
    ((ObjectNode) t.get("env")).put("extra", 1);
    assertThatThrownBy(() -> ConfigLoader.bind(t, Outer.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("env.extra")
        .hasMessageContaining("env.count")
        .hasMessageContaining("env.size");
  }

  @Test
  void outOfRangeNamesTheFullKeyTheValueAndTheRange() throws Exception {
    ObjectNode t = tree();
    ConfigLoader.set(t, "env.count=0");
    assertThatThrownBy(() -> ConfigLoader.bind(t, Outer.class))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("env.count"))
        .hasMessageContaining("'0'")
        .hasMessageContaining("1 <= count <= 100");
  }

  @Test
  void badUnitNamesTheKey() throws Exception {
    ObjectNode t = tree();
    ConfigLoader.set(t, "env.size=4 MiB");
    assertThatThrownBy(() -> ConfigLoader.bind(t, Outer.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("env.size")
        .hasMessageContaining("MiB");
  }

  @Test
  void wrongTypeAndMissingKeyAreNamed() throws Exception {
    ObjectNode t = tree();
    ConfigLoader.set(t, "env.count=many");
    assertThatThrownBy(() -> ConfigLoader.bind(t, Outer.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("env.count");
    ObjectNode m = tree();
    ((ObjectNode) m.get("env")).remove("mode");
    assertThatThrownBy(() -> ConfigLoader.bind(m, Outer.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("env.mode");
  }

  @Test
  void mergeRejectsKeysThePresetDoesNotHave() throws Exception {
    ObjectNode base = tree();
    ObjectNode overlay = (ObjectNode) ConfigLoader.yaml().readTree("env:\n  count: 7\n");
    ConfigLoader.merge(base, overlay);
    assertThat(base.get("env").get("count").asInt()).isEqualTo(7);
    ObjectNode bad = (ObjectNode) ConfigLoader.yaml().readTree("env:\n  nope: 7\n");
    assertThatThrownBy(() -> ConfigLoader.merge(base, bad)).hasMessageContaining("env.nope");
  }

  @Test
  void malformedAssignmentsAreRejected() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.set(tree(), "count")).hasMessageContaining("key=value");
    assertThatThrownBy(() -> ConfigLoader.set(tree(), "env.count=")).hasMessageContaining("value");
    assertThatThrownBy(() -> ConfigLoader.set(tree(), "env=3")).hasMessageContaining("group");
  }
}

package io.edgeoffload.lab.recipe;

import io.edgeoffload.core.registry.Registry;

/** The registry of reproduction recipes, by id. UCMS and COLLAB recipes register here too. */
public final class Recipes {
  private static final Registry<Recipe> REGISTRY = build();

  private Recipes() {}

  private static Registry<Recipe> build() {
    Registry<Recipe> r = new Registry<>("recipe");
    for (Recipe recipe :
        new Recipe[] {
          new UaraFig4(),
          UaraLoadFig.fig5(),
          UaraLoadFig.fig6(),
          new UaraFig7(),
          new UaraFig8(),
          new UaraTable5()
        }) {
      r.register(recipe.id(), recipe.description(), recipe);
    }
    for (Recipe recipe : CollabRecipes.all()) {
      r.register(recipe.id(), recipe.description(), recipe);
    }
    for (Recipe recipe : UcmsRecipes.all()) {
      r.register(recipe.id(), recipe.description(), recipe);
    }
    return r;
  }

  public static Registry<Recipe> registry() {
    return REGISTRY;
  }

  /** The recipe with this id, or a configuration error listing the valid ids. */
  public static Recipe get(String id) {
    return REGISTRY.get(id);
  }
}

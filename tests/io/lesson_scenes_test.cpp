// The classroom lessons shipped in assets/scenes/: each parses, has a title and 2-4 sentences of
// text, and names only optimizers that are registered or are PyTorch/classic methods expected to
// be registered (docs/architecture.md §4.2), so a typo in a lesson fails here.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "io/scene.hpp"
#include "optim/registry.hpp"

namespace {

int count_sentences(const std::string& text) {
  int sentences = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool end = text[i] == '.' || text[i] == '!' || text[i] == '?';
    if (end && (i + 1 == text.size() || text[i + 1] == ' ')) ++sentences;
  }
  return sentences;
}

}  // namespace

TEST_CASE("every lesson scene parses and carries a title and 2-4 sentences") {
  // Every optimizer a lesson names is registered (lossviz-cli list optimizers).
  std::set<std::string> known_optimizers;
  for (const lv::OptimizerInfo& info : lv::optimizer_registry()) known_optimizers.insert(info.name);
  const std::filesystem::path directory =
      std::filesystem::path(LOSSVIZ_SOURCE_DIR) / "assets/scenes";
  int lessons = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".json") continue;
    CAPTURE(entry.path().string());
    const lv::Scene scene = lv::load_scene(entry.path().string());
    for (const lv::SceneOptimizer& optimizer : scene.optimizers) {
      CHECK(known_optimizers.count(optimizer.name) == 1);
    }
    if (scene.title.empty()) continue;  // the default scene is not a lesson
    ++lessons;
    const int sentences = count_sentences(scene.text);
    CHECK(sentences >= 2);
    CHECK(sentences <= 4);
    CHECK_FALSE(scene.optimizers.empty());
  }
  CHECK(lessons >= 8);
}

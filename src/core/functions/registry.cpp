#include "common/name_lookup.hpp"
#include "functions/builtins.hpp"

namespace lv {

const std::vector<TestFunction>& test_functions() {
  static const std::vector<TestFunction> functions = {
      make_quadratic(),      make_ravine(),          make_rosenbrock(), make_himmelblau(),
      make_beale(),          make_booth(),           make_matyas(),     make_three_hump_camel(),
      make_six_hump_camel(), make_goldstein_price(), make_rastrigin(),  make_ackley(),
      make_levi13(),         make_styblinski_tang(), make_mccormick(),  make_easom(),
      make_saddle(),         make_monkey_saddle(),   make_plateau(),    make_sharp_flat(),
      make_noisy_bowl(),
  };
  return functions;
}

const TestFunction& find_test_function(std::string_view name) {
  return find_by_name(test_functions(), name, "function");
}

}  // namespace lv

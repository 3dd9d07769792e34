// torch.optim.SGD: first three steps computed by hand from the documented update rule on
// f = ½(x² + 10y²) from (1, 1), where ∇f = (x, 10y).
#include "optimizer_steps.hpp"

#include "common/errors.hpp"

using lv::Vec;
using namespace lv::test;

namespace {
const DiagonalQuadratic k_bowl(Vec{{1.0, 10.0}});
const Vec k_start{{1.0, 1.0}};
}  // namespace

TEST_CASE("sgd: plain gradient descent x ← x − lr·∇f") {
  const auto x = first_iterates("sgd", {{"lr", "0.1"}}, k_bowl, k_start, 3);
  check_iterate(x[0], {0.9, 0.0});
  check_iterate(x[1], {0.81, 0.0});
  check_iterate(x[2], {0.729, 0.0});
}

TEST_CASE("sgd: heavy-ball momentum (buffer starts at the first gradient)") {
  const auto x = first_iterates("sgd", {{"lr", "0.1"}, {"momentum", "0.9"}}, k_bowl, k_start, 3);
  check_iterate(x[0], {0.9, 0.0});
  check_iterate(x[1], {0.72, -0.9});
  check_iterate(x[2], {0.486, -0.81});
}

TEST_CASE("sgd: Nesterov momentum g ← g + μ·b") {
  const auto x = first_iterates("sgd", {{"lr", "0.1"}, {"momentum", "0.9"}, {"nesterov", "true"}},
                                k_bowl, k_start, 3);
  check_iterate(x[0], {0.81, -0.9});
  check_iterate(x[1], {0.5751, 0.0});
  check_iterate(x[2], {0.327321, 0.0});
}

TEST_CASE("sgd: dampening and weight decay (weight decay added before the momentum buffer)") {
  const auto x = first_iterates(
      "sgd", {{"lr", "0.1"}, {"momentum", "0.9"}, {"dampening", "0.5"}, {"weight_decay", "0.1"}},
      k_bowl, k_start, 3);
  check_iterate(x[0], {0.89, -0.01});
  check_iterate(x[1], {0.74205, -0.91395});
  check_iterate(x[2], {0.56808225, -1.26596025});
}

TEST_CASE("sgd: maximize climbs") {
  const auto x = first_iterates("sgd", {{"lr", "0.1"}, {"maximize", "true"}}, k_bowl, k_start, 1);
  check_iterate(x[0], {1.1, 2.0});
}

TEST_CASE("sgd: defaults and validation follow torch.optim.SGD") {
  auto sgd = lv::make_optimizer("sgd");
  CHECK(sgd->hyperparameters().get("lr") == 1e-3);
  CHECK(sgd->hyperparameters().get("momentum") == 0.0);
  CHECK_FALSE(sgd->hyperparameters().flag("nesterov"));
  sgd->hyperparameters().set_from_text("nesterov", "true");
  CHECK_THROWS_AS(sgd->reset(k_start), lv::InputError);  // nesterov needs momentum > 0
  CHECK_THROWS_AS(sgd->hyperparameters().set("lr", -1.0), lv::InputError);
  CHECK_THROWS_WITH_AS(sgd->hyperparameters().set("momentun", 0.5),
                       "unknown hyperparameter 'momentun' (did you mean 'momentum'?)",
                       lv::InputError);
}

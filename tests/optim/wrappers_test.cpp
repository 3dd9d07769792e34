// SAM / ASAM and the regularization wrappers, checked against the update rules of their papers
// computed by hand on f = ½(x² + 10y²) (∇f = (x, 10y)), the closed-form prox of the L1 norm, and
// closed-form minimizers of regularized 1D quadratics.
#include <cmath>

#include "common/errors.hpp"
#include "convergence_driver.hpp"
#include "objective/regularized_objective.hpp"
#include "optim/regularized_optimizer.hpp"
#include "optim/sam.hpp"

using lv::Vec;
using namespace lv::test;

namespace {
const DiagonalQuadratic k_bowl(Vec{{1.0, 10.0}});
const Vec k_start{{1.0, 1.0}};
// ½((x − 0.3)² + (y − 2)²): separable, so regularized minimizers have closed forms per coordinate.
const char* const k_shifted = "0.5*((x - 0.3)^2 + (y - 2)^2)";
}  // namespace

TEST_CASE("sam: the base steps with ∇f(w + ρ∇f/‖∇f‖) (Foret et al. 2021, Alg. 1)") {
  // g = (1, 10), ‖g‖ = √101, ε̂ = 0.05·g/√101; ∇f(w + ε̂) = (1 + 0.05/√101, 10 + 5/√101).
  const auto x = first_iterates("sam", {{"lr", "0.1"}}, k_bowl, k_start, 1);
  const double root = std::sqrt(101.0);
  check_iterate(x[0], {1.0 - 0.1 * (1.0 + 0.05 / root), 1.0 - 0.1 * (10.0 + 5.0 / root)});
}

TEST_CASE("asam: ε̂ = ρ T_w² g / ‖T_w g‖ with T_w = |w| + η (Kwon et al. 2021, eq. 10)") {
  // w = (2, 1), g = (2, 10), T = (2.01, 1.01), ρ = 0.5.
  const Vec epsilon = lv::Sam::perturbation(Vec{{2.0, 1.0}}, Vec{{2.0, 10.0}}, 0.5, true, 0.01);
  const double norm = std::sqrt(4.02 * 4.02 + 10.1 * 10.1);
  check_iterate(epsilon, {0.5 * 2.01 * 2.01 * 2.0 / norm, 0.5 * 1.01 * 1.01 * 10.0 / norm});
  const auto x = first_iterates("asam", {{"lr", "0.1"}}, k_bowl, Vec{{2.0, 1.0}}, 1);
  check_iterate(x[0], {2.0 - 0.1 * (2.0 + epsilon[0]), 1.0 - 0.1 * 10.0 * (1.0 + epsilon[1])});
  CHECK(lv::Sam::perturbation(Vec{{1.0, 1.0}}, Vec::Zero(2), 0.5, false, 0.0) == Vec::Zero(2));
}

TEST_CASE("sam: the base's momentum is forwarded and every step costs one extra evaluation") {
  // Heavy ball on the SAM gradients: b1 = g1, b2 = 0.9·b1 + g2.
  const auto x =
      first_iterates("sam", {{"lr", "0.1"}, {"momentum", "0.9"}, {"rho", "0"}}, k_bowl, k_start, 2);
  check_iterate(x[0], {0.9, 0.0});  // ρ = 0: plain heavy ball, as in sgd_test
  check_iterate(x[1], {0.72, -0.9});
  const auto trajectory = run_named("sam", {{"lr", "0.01"}}, k_bowl, k_start, 10);
  CHECK(trajectory.function_evaluations.back() == 20);  // runner's 10 + SAM's 10
}

TEST_CASE("wrappers: descriptors are own + base's and are rebuilt when base changes") {
  auto sam = lv::make_optimizer("sam");
  CHECK(sam->hyperparameters().choice("base") == "sgd");
  CHECK(sam->hyperparameters().has("momentum"));
  sam->set_hyperparameter("rho", 0.2);
  sam->set_hyperparameter("base", std::string_view("lars"));
  CHECK(sam->hyperparameters().has("trust_coefficient"));
  CHECK_FALSE(sam->hyperparameters().has("dampening"));
  CHECK(sam->hyperparameters().get("rho") == 0.2);
  CHECK(sam->hyperparameters().get("lr") == 1.0);  // lars's default lr
  const auto choices = sam->hyperparameters().descriptor("base").choices;
  CHECK(std::find(choices.begin(), choices.end(), "sam") == choices.end());
  // Changing base behind the optimizer's back is caught at reset with a clear message.
  auto other = lv::make_optimizer("sam");
  other->hyperparameters().set_from_text("base", "lars");
  CHECK_THROWS_AS(other->reset(k_start), lv::InputError);
}

TEST_CASE("sam converges near the minimum of two surfaces with base sgd") {
  // SAM's ascent step has length ρ, so it settles in an O(lr·ρ·‖H‖) neighbourhood.
  const auto booth = formula(k_booth);
  const auto himmelblau = formula(k_himmelblau);
  check_reaches(final_point(run_named("sam", {{"lr", "0.01"}, {"rho", "0.01"}}, booth,
                                      Vec{{0.0, 0.0}}, 3000)),
                Vec{{1.0, 3.0}}, 1e-2);
  check_reaches(final_point(run_named("sam", {{"lr", "0.01"}, {"rho", "0.01"}}, himmelblau,
                                      Vec{{1.0, 1.0}}, 3000)),
                Vec{{3.0, 2.0}}, 1e-2);
  check_reaches(final_point(run_named("asam", {{"lr", "0.01"}, {"rho", "0.01"}}, booth,
                                      Vec{{0.0, 0.0}}, 3000)),
                Vec{{1.0, 3.0}}, 1e-2);
}

TEST_CASE("soft_threshold: S_t(v) = sign(v)·max(|v| − t, 0)") {
  check_iterate(lv::soft_threshold(Vec{{3.0, -0.5, -2.0, 1.0}}, 1.0), {2.0, 0.0, -1.0, 0.0});
}

TEST_CASE("regularized: proximal L1 reaches exact zeros; the subgradient variant oscillates") {
  // argmin ½(x − 0.3)² + 0.5|x| = S_0.5(0.3) = 0 and ½(y − 2)² + 0.5|y| → S_0.5(2) = 1.5.
  const auto objective = formula(k_shifted);
  const auto proximal =
      run_named("regularized", {{"lr", "0.1"}, {"l1", "0.5"}}, objective, k_start, 300);
  CHECK(final_point(proximal)[0] == 0.0);
  CHECK(final_point(proximal)[1] == doctest::Approx(1.5).epsilon(1e-10));
  const auto subgradient =
      run_named("regularized", {{"lr", "0.1"}, {"l1", "0.5"}, {"l1_method", "subgradient"}},
                objective, k_start, 300);
  double largest = 0.0;  // the last few iterates jump across 0 by about lr·l1
  for (int row = subgradient.size() - 10; row < subgradient.size(); ++row) {
    largest = std::max(largest, std::abs(subgradient.x(row)[0]));
  }
  CHECK(largest > 0.01);
  CHECK(final_point(subgradient)[1] == doctest::Approx(1.5).epsilon(1e-6));
}

TEST_CASE("regularized: L2 and elastic net reach the closed-form minimizers") {
  // ½(x − a)² + λ1|x| + (λ2/2)x² is minimized at S_λ1(a)/(1 + λ2).
  const auto objective = formula(k_shifted);
  const auto l2 = run_named("regularized", {{"lr", "0.1"}, {"l2", "1"}}, objective, k_start, 400);
  check_iterate(final_point(l2), {0.15, 1.0}, 1e-9);
  const auto elastic = run_named("regularized", {{"lr", "0.1"}, {"l1", "0.5"}, {"l2", "1"}},
                                 objective, k_start, 400);
  check_iterate(final_point(elastic), {0.0, 0.75}, 1e-9);
}

TEST_CASE("regularized: decoupled weight decay x ← (1 − lr·decay)x − lr·∇f(x) (AdamW order)") {
  const auto x = first_iterates("regularized", {{"lr", "0.1"}, {"decoupled_weight_decay", "0.5"}},
                                k_bowl, k_start, 1);
  check_iterate(x[0], {0.85, -0.05});
}

TEST_CASE("RegularizedObjective adds l1‖x‖₁ + (l2/2)‖x‖² to value, gradient and Hessian") {
  const lv::RegularizedObjective regularized(k_bowl, 0.3, 0.2);
  const Vec x{{1.0, -2.0}};
  CHECK(regularized.value(x) == doctest::Approx(21.9));  // 20.5 + 0.3·3 + 0.1·5
  check_iterate(regularized.gradient(x), {1.5, -20.7});
  const lv::Mat hessian = regularized.hessian(x);
  CHECK(hessian(0, 0) == doctest::Approx(1.2));
  CHECK(hessian(1, 1) == doctest::Approx(10.2));
  // The formula for the shaders describes the same surface (checked through the parser).
  const std::string text = lv::regularized_formula("0.5*(x^2 + 10*y^2)", {"x", "y"}, 0.3, 0.2);
  CHECK(text ==
        "(0.5*(x^2 + 10*y^2)) + 0.29999999999999999*(abs(x) + abs(y)) + 0.20000000000000001/2*(x^2 "
        "+ y^2)");
  CHECK(formula(text).value(x) == doctest::Approx(21.9));
  CHECK_THROWS_AS(lv::RegularizedObjective(k_bowl, -1.0, 0.0), lv::InputError);
}

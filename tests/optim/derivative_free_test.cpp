// Derivative-free methods: Nelder–Mead moves computed by hand from Lagarias et al. 1998 (Sec. 2),
// an exhaustive grid hitting a known minimizer, Hansen's Table 1 population size, GP regression
// and expected improvement against their closed forms, convergence to literature minima, and a
// documented failure (random search within a small budget).
#include <cmath>
#include <numbers>

#include "common/errors.hpp"
#include "convergence_driver.hpp"
#include "optim/bayesian_optimization.hpp"
#include "optim/cma_es.hpp"
#include "optim/nelder_mead.hpp"
#include "optim/simulated_annealing.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

struct SteppedSimplex {
  std::vector<lv::SimplexMove> moves;
  std::vector<Vec> best;
};

SteppedSimplex nelder_mead_steps(const lv::Objective& objective, const Vec& x0, double initial_step,
                                 int steps) {
  auto optimizer = configured("nelder_mead", {});
  optimizer->set_hyperparameter("initial_step", initial_step);
  auto& simplex = dynamic_cast<lv::NelderMead&>(*optimizer);
  simplex.reset(x0);
  lv::Oracle oracle(objective);
  Vec x = x0;
  SteppedSimplex result;
  for (int k = 0; k < steps; ++k) {
    simplex.step(lv::StepContext{objective.gradient(x), objective.value(x), 0.0, oracle}, x);
    result.moves.push_back(simplex.last_move());
    result.best.push_back(x);
  }
  return result;
}

// Himmelblau's four minima (Himmelblau 1972).
bool near_himmelblau_minimum(const Vec& x, double tolerance) {
  const std::vector<Vec> minima = {Vec{{3.0, 2.0}}, Vec{{-2.805118, 3.131312}},
                                   Vec{{-3.779310, -3.283186}}, Vec{{3.584428, -1.848126}}};
  for (const Vec& minimum : minima) {
    if ((x - minimum).norm() < tolerance) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("nelder_mead: reflection, expansion and the tie rule by hand on x² + y²") {
  // Simplex (1,1) f=2, (1.5,1) f=3.25, (1,1.5) f=3.25; worst (1,1.5) (later vertex of the tie).
  // 1: centroid (1.25,1), x_r = (1.5,0.5) f=2.5 in [2, 3.25) → reflect.
  // 2: worst (1.5,1), centroid (1.25,0.75), x_r = (1,0.5) f=1.25 < 2 → x_e = (0.75,0.25) f=0.625 →
  // expand. 3: worst (1.5,0.5), centroid (0.875,0.625), x_r = (0.25,0.75) f=0.625 = f_best →
  // reflect;
  //    the new vertex ties the best and is ordered after it, so the best stays (0.75,0.25).
  // 4: worst (1,1), centroid (0.5,0.5), x_r = (0,0) f=0; x_e = (−0.5,−0.5) f=0.5 ≥ 0 → reflect.
  const auto objective = formula("x^2 + y^2");
  const auto run = nelder_mead_steps(objective, Vec{{1.0, 1.0}}, 0.5, 4);
  using lv::SimplexMove;
  CHECK(run.moves == std::vector<SimplexMove>{SimplexMove::Reflect, SimplexMove::Expand,
                                              SimplexMove::Reflect, SimplexMove::Reflect});
  check_iterate(run.best[1], {0.75, 0.25});
  check_iterate(run.best[2], {0.75, 0.25});
  check_iterate(run.best[3], {0.0, 0.0});
}

TEST_CASE("nelder_mead: inside and outside contraction by hand on x² + y²") {
  // Simplex (0,0) f=0, (1,0) f=1, (0,1) f=1. 1: centroid (0.5,0), x_r = (1,−1) f=2 ≥ 1 →
  // x_cc = (0.25,0.5) f=0.3125 < 1 → contract inside. 2: worst (1,0), centroid (0.125,0.25),
  // x_r = (−0.75,0.5) f=0.8125 in [0.3125, 1) → x_c = (−0.3125,0.375) f=0.23828125 → outside.
  const auto objective = formula("x^2 + y^2");
  const auto run = nelder_mead_steps(objective, Vec{{0.0, 0.0}}, 1.0, 2);
  CHECK(run.moves[0] == lv::SimplexMove::ContractInside);
  CHECK(run.moves[1] == lv::SimplexMove::ContractOutside);
  auto optimizer = configured("nelder_mead", {{"initial_step", "1"}});
  auto& simplex = dynamic_cast<lv::NelderMead&>(*optimizer);
  simplex.reset(Vec::Zero(2));
  lv::Oracle oracle(objective);
  Vec x = Vec::Zero(2);
  for (int k = 0; k < 2; ++k)
    simplex.step(lv::StepContext{objective.gradient(x), objective.value(x), 0.0, oracle}, x);
  check_iterate(simplex.simplex()[1].point, {-0.3125, 0.375});
  CHECK(simplex.simplex()[1].value == 0.23828125);
}

TEST_CASE("nelder_mead: a failed inside contraction shrinks towards the best vertex, by hand") {
  // f = |4x(1 − x)| + |4y(1 − y)| is 0 at (0,0), (1,0), (0,1); worst (0,1) by the tie rule.
  // Centroid (0.5,0), x_r = (1,−1) f=8 >= 0 → x_cc = (0.25,0.5) f=1.75 >= 0 → shrink:
  // (1,0) → (0.5,0) and (0,1) → (0,0.5), both f=1; the best vertex (0,0) stays first.
  const auto objective = formula("abs(4*x*(1 - x)) + abs(4*y*(1 - y))");
  auto optimizer = configured("nelder_mead", {{"initial_step", "1"}});
  auto& simplex = dynamic_cast<lv::NelderMead&>(*optimizer);
  simplex.reset(Vec::Zero(2));
  lv::Oracle oracle(objective);
  Vec x = Vec::Zero(2);
  simplex.step(lv::StepContext{objective.gradient(x), objective.value(x), 0.0, oracle}, x);
  CHECK(simplex.last_move() == lv::SimplexMove::Shrink);
  check_iterate(simplex.simplex()[0].point, {0.0, 0.0});
  check_iterate(simplex.simplex()[1].point, {0.5, 0.0});
  check_iterate(simplex.simplex()[2].point, {0.0, 0.5});
  CHECK(simplex.simplex()[2].value == 1.0);
  CHECK(oracle.function_evaluations() == 2 + 2 + 2);  // initial vertices, x_r and x_cc, shrink
}

TEST_CASE("nelder_mead, cma_es reach the minima of Rosenbrock, Booth and Himmelblau") {
  const auto rosenbrock = formula(k_rosenbrock);
  const auto booth = formula(k_booth);
  const auto himmelblau = formula(k_himmelblau);
  for (const char* name : {"nelder_mead", "cma_es"}) {
    INFO(std::string(name));
    check_reaches(final_point(run_named(name, {}, rosenbrock, Vec{{-1.2, 1.0}}, 400)),
                  Vec{{1.0, 1.0}}, 1e-6);
    check_reaches(final_point(run_named(name, {}, booth, Vec{{0.0, 0.0}}, 300)), Vec{{1.0, 3.0}},
                  1e-6);
    check_reaches(final_point(run_named(name, {}, himmelblau, Vec{{1.0, 1.0}}, 300)),
                  Vec{{3.0, 2.0}}, 1e-6);
  }
}

TEST_CASE("cma_es: Table 1 population λ = 4 + ⌊3 ln n⌋ and one generation per step") {
  auto optimizer = configured("cma_es", {});
  optimizer->reset(Vec::Zero(2));
  CHECK(dynamic_cast<lv::CmaEs&>(*optimizer).population_size() == 6);  // 4 + ⌊3·0.693⌋
  optimizer->reset(Vec::Zero(10));
  CHECK(dynamic_cast<lv::CmaEs&>(*optimizer).population_size() == 10);  // 4 + ⌊3·2.303⌋
  const auto trajectory = run_named("cma_es", {}, formula(k_booth), Vec::Zero(2), 5);
  CHECK(trajectory.function_evaluations.back() == 5 + 5 * 6);
}

TEST_CASE("derivative-free runs are reproducible from the seed") {
  const auto objective = formula(k_himmelblau);
  for (const char* name :
       {"random_search", "simulated_annealing", "cma_es", "bayesian_optimization"}) {
    INFO(std::string(name));
    const Vec a = final_point(run_named(name, {{"seed", "7"}}, objective, Vec::Zero(2), 20));
    const Vec b = final_point(run_named(name, {{"seed", "7"}}, objective, Vec::Zero(2), 20));
    const Vec c = final_point(run_named(name, {{"seed", "8"}}, objective, Vec::Zero(2), 20));
    CHECK(a == b);
    CHECK(a != c);
  }
}

TEST_CASE("grid_search: the exhaustive 5×5 grid over [−1, 3]² contains Booth's minimizer (1, 3)") {
  const auto trajectory =
      run_named("grid_search", {{"points_per_axis", "5"}, {"lower", "-1"}, {"upper", "3"}},
                formula(k_booth), Vec::Zero(2), 40);
  check_iterate(final_point(trajectory), {1.0, 3.0});
  CHECK(trajectory.loss.back() == 0.0);
  CHECK(trajectory.function_evaluations.back() == 40 + 25);  // no evaluations once the grid is done
  CHECK_THROWS_AS(run_named("grid_search", {{"lower", "1,2,3"}}, formula(k_booth), Vec::Zero(2), 1),
                  lv::InputError);
  CHECK_THROWS_AS(run_named("random_search", {{"lower", "5"}}, formula(k_booth), Vec::Zero(2), 1),
                  lv::InputError);
}

TEST_CASE("random_search: batch evaluations are counted; a large budget gets close on a bowl") {
  const auto trajectory =
      run_named("random_search", {{"batch", "3"}, {"lower", "-2"}, {"upper", "2"}},
                formula(k_quadratic), Vec{{2.0, 2.0}}, 2000);
  CHECK(trajectory.function_evaluations.back() == 2000 + 6000);
  check_reaches(final_point(trajectory), Vec::Zero(2), 0.05);
  check_reaches(final_point(run_named("random_search", {}, formula(k_booth), Vec::Zero(2), 5000)),
                Vec{{1.0, 3.0}}, 0.1);
}

TEST_CASE(
    "failure case: random search does not reach 1e-3 of Rosenbrock's minimum in 200 evaluations") {
  const Vec x =
      final_point(run_named("random_search", {}, formula(k_rosenbrock), Vec{{-1.2, 1.0}}, 200));
  CHECK((x - Vec{{1.0, 1.0}}).norm() > 1e-3);
  // Nelder–Mead with the same budget of evaluations gets there (about 2 per iteration).
  check_reaches(
      final_point(run_named("nelder_mead", {}, formula(k_rosenbrock), Vec{{-1.2, 1.0}}, 120)),
      Vec{{1.0, 1.0}}, 1e-3);
}

TEST_CASE("simulated_annealing: schedules by formula; the chain freezes near a minimum") {
  auto optimizer =
      configured("simulated_annealing", {{"initial_temperature", "2"}, {"cooling", "0.5"}});
  auto& annealing = dynamic_cast<lv::SimulatedAnnealing&>(*optimizer);
  optimizer->reset(Vec::Zero(2));
  CHECK(annealing.temperature(2) == doctest::Approx(0.5));  // 2·0.5²
  optimizer->set_hyperparameter("temperature_schedule", std::string_view("logarithmic"));
  optimizer->reset(Vec::Zero(2));
  CHECK(annealing.temperature(0) == doctest::Approx(2.0));  // 2/ln(e)
  optimizer->set_hyperparameter("temperature_schedule", std::string_view("fast"));
  optimizer->reset(Vec::Zero(2));
  CHECK(annealing.temperature(3) == doctest::Approx(0.5));  // 2/(1 + 3)
  const Vec himmelblau = final_point(run_named("simulated_annealing", {{"step_size", "0.1"}},
                                               formula(k_himmelblau), Vec::Zero(2), 4000));
  CHECK(near_himmelblau_minimum(himmelblau, 0.05));
  check_reaches(final_point(run_named("simulated_annealing", {{"step_size", "0.1"}},
                                      formula(k_booth), Vec::Zero(2), 4000)),
                Vec{{1.0, 3.0}}, 0.05);
}

TEST_CASE("gaussian process: interpolates its data; EI matches the closed form") {
  lv::Mat inputs(3, 1);
  inputs << 0.0, 0.5, 1.0;
  const Vec targets{{1.0, -1.0, 0.5}};
  lv::GaussianProcess process;
  REQUIRE(process.fit(lv::KernelKind::Matern52, 0.3, 1e-10, inputs, targets));
  for (int i = 0; i < 3; ++i) {
    const auto prediction = process.predict(inputs.row(i).transpose());
    CHECK(prediction.mean == doctest::Approx(targets[i]).epsilon(1e-6));
    CHECK(prediction.variance < 1e-8);
  }
  CHECK(process.predict(Vec{{50.0}}).variance == doctest::Approx(1.0));  // prior far away
  // RBF kernel at distance ℓ: e^(−½); Matérn 5/2 at ℓ: (1 + √5 + 5/3)e^(−√5).
  CHECK(lv::kernel_value(lv::KernelKind::Rbf, 2.0, Vec{{0.0}}, Vec{{2.0}}) ==
        doctest::Approx(std::exp(-0.5)));
  CHECK(lv::kernel_value(lv::KernelKind::Matern52, 2.0, Vec{{0.0}}, Vec{{2.0}}) ==
        doctest::Approx((1.0 + std::sqrt(5.0) + 5.0 / 3.0) * std::exp(-std::sqrt(5.0))));
  // EI(μ = best, s = 1, ξ = 0) = φ(0) = 1/√(2π); EI with s = 0 is the plain improvement.
  CHECK(lv::expected_improvement({0.0, 1.0}, 0.0, 0.0) ==
        doctest::Approx(1.0 / std::sqrt(2.0 * std::numbers::pi)));
  CHECK(lv::expected_improvement({-1.0, 0.0}, 0.0, 0.0) == doctest::Approx(1.0));
}

TEST_CASE("bayesian_optimization finds Booth's and the bowl's minimum within 60 evaluations") {
  for (const char* kernel : {"matern52", "rbf"}) {
    INFO(std::string(kernel));
    check_reaches(final_point(run_named("bayesian_optimization", {{"kernel", kernel}},
                                        formula(k_booth), Vec::Zero(2), 60)),
                  Vec{{1.0, 3.0}}, 0.1);
    check_reaches(final_point(run_named("bayesian_optimization", {{"kernel", kernel}},
                                        formula(k_quadratic), Vec{{3.0, 3.0}}, 60)),
                  Vec::Zero(2), 0.1);
  }
}

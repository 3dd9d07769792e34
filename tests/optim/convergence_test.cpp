// The shared optimizer × problem driver: each row says which optimizer, with which settings,
// must reach the known minimum of which problem within a distance. Minima from the literature:
// the convex bowl f = ½(x² + 10y²) has its minimum at 0 (its mirror −f, climbed with maximize,
// its maximum at 0); Rosenbrock's f = (1 − x)² + 100(y − x²)² at (1, 1) (Rosenbrock 1960).
#include <string>

#include "functions/test_function.hpp"
#include "objective/formula_objective.hpp"
#include "optimizer_steps.hpp"
#include "run/runner.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

enum class Problem { Bowl, NegatedBowl, Rosenbrock };

struct ConvergenceCase {
  const char* optimizer;
  std::vector<Setting> settings;
  Problem problem;
  int steps;
  double tolerance;  // on ‖x_final − x*‖
};

struct ProblemSetup {
  const lv::Objective& objective;
  Vec start;
  Vec solution;
  std::vector<Setting> extra_settings;
};

ProblemSetup setup(Problem problem) {
  static const DiagonalQuadratic bowl(Vec{{1.0, 10.0}});
  static const lv::FormulaObjective negated_bowl(lv::Expr::parse("-0.5*(x^2 + 10*y^2)"));
  static const lv::FormulaObjective rosenbrock(lv::find_test_function("rosenbrock").expr());
  switch (problem) {
    case Problem::Bowl:
      return {bowl, Vec{{1.0, 1.0}}, Vec::Zero(2), {}};
    case Problem::NegatedBowl:
      return {negated_bowl, Vec{{1.0, 1.0}}, Vec::Zero(2), {{"maximize", "true"}}};
    case Problem::Rosenbrock:
      break;
  }
  return {rosenbrock, Vec{{-1.2, 1.0}}, Vec{{1.0, 1.0}}, {}};
}

const char* problem_name(Problem problem) {
  switch (problem) {
    case Problem::Bowl:
      return "bowl";
    case Problem::NegatedBowl:
      return "negated bowl (maximize)";
    case Problem::Rosenbrock:
      return "rosenbrock";
  }
  return "";
}

// Settings chosen for each method's character: constant-lr RMSprop and NAdam end in a small
// limit cycle on Rosenbrock, AdamW's decay shifts the minimum slightly (looser tolerances);
// Adadelta steps like gradient descent with lr near the minimum, so lr < 2/λmax(∇²f(1,1)) ≈ 2e-3.
std::vector<ConvergenceCase> cases() {
  std::vector<ConvergenceCase> table;
  for (Problem bowl : {Problem::Bowl, Problem::NegatedBowl}) {
    const std::vector<ConvergenceCase> bowl_cases = {
        {"sgd", {{"lr", "0.1"}}, bowl, 20000, 1e-8},
        {"sgd", {{"lr", "0.01"}, {"momentum", "0.9"}}, bowl, 20000, 1e-8},
        {"adagrad", {{"lr", "0.1"}}, bowl, 20000, 1e-8},
        {"rmsprop", {}, bowl, 20000, 1e-8},
        {"rmsprop", {{"momentum", "0.9"}, {"centered", "true"}, {"lr", "1e-3"}}, bowl, 20000, 1e-8},
        {"adam", {}, bowl, 20000, 1e-8},
        {"adam", {{"lr", "1e-2"}, {"amsgrad", "true"}}, bowl, 20000, 1e-8},
        {"adamw", {}, bowl, 20000, 1e-8},
        {"nadam", {}, bowl, 20000, 1e-8},
        {"radam", {}, bowl, 20000, 1e-8},
        {"adamax", {}, bowl, 20000, 1e-8},
        {"adadelta", {}, bowl, 20000, 1e-8},
    };
    table.insert(table.end(), bowl_cases.begin(), bowl_cases.end());
  }
  const Problem rosenbrock = Problem::Rosenbrock;
  const std::vector<ConvergenceCase> rosenbrock_cases = {
      {"sgd", {{"lr", "1e-3"}, {"momentum", "0.9"}}, rosenbrock, 20000, 1e-6},
      {"adagrad", {{"lr", "0.5"}}, rosenbrock, 20000, 1e-6},
      {"rmsprop", {{"lr", "1e-4"}, {"momentum", "0.9"}}, rosenbrock, 20000, 1e-4},
      {"rmsprop",
       {{"lr", "1e-4"}, {"momentum", "0.9"}, {"centered", "true"}},
       rosenbrock,
       20000,
       1e-4},
      {"adam", {{"lr", "1e-2"}}, rosenbrock, 20000, 1e-6},
      {"adam", {{"lr", "1e-2"}, {"amsgrad", "true"}}, rosenbrock, 20000, 1e-3},
      {"adamw", {{"lr", "1e-2"}, {"weight_decay", "1e-4"}}, rosenbrock, 20000, 1e-3},
      {"nadam", {{"lr", "1e-3"}, {"momentum_decay", "4e-2"}}, rosenbrock, 20000, 1e-4},
      {"radam", {{"lr", "3e-3"}}, rosenbrock, 20000, 1e-6},
      {"adamax", {{"lr", "1e-2"}}, rosenbrock, 20000, 1e-6},
      {"adadelta", {{"lr", "1.5e-3"}}, rosenbrock, 100000, 1e-6},
  };
  table.insert(table.end(), rosenbrock_cases.begin(), rosenbrock_cases.end());
  return table;
}

std::string describe(const ConvergenceCase& c) {
  std::string text = std::string(c.optimizer) + " on " + problem_name(c.problem);
  for (const Setting& s : c.settings) text += std::string(" ") + s.name + "=" + s.value;
  return text;
}

}  // namespace

TEST_CASE("every optimizer reaches the known minimum of the bowl and of Rosenbrock") {
  for (const ConvergenceCase& c : cases()) {
    const std::string label = describe(c);
    CAPTURE(label);
    const ProblemSetup problem = setup(c.problem);
    auto optimizer = lv::make_optimizer(c.optimizer);
    for (const Setting& s : c.settings) optimizer->hyperparameters().set_from_text(s.name, s.value);
    for (const Setting& s : problem.extra_settings) {
      optimizer->hyperparameters().set_from_text(s.name, s.value);
    }
    lv::RunSettings settings;
    settings.max_steps = c.steps;
    const lv::Trajectory trajectory =
        lv::run_optimizer(problem.objective, *optimizer, nullptr, problem.start, settings);
    REQUIRE(trajectory.status != lv::RunStatus::Diverged);
    const Vec last = trajectory.x(trajectory.size() - 1);
    CHECK((last - problem.solution).norm() <= c.tolerance);
  }
}

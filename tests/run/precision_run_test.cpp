// Runs emulated in a number format (run/precision_emulation): every recorded coordinate is a value
// of the format (checked with the hardware conversion static_cast<float> for float32), float64
// runs are bit-for-bit the plain runner's, and float16 stalls where an update is below half the
// spacing of float16 numbers near the parameter (the closed form of docs/precision.md).
#include <doctest/doctest.h>

#include <cmath>

#include "numeric/precision.hpp"
#include "optim/registry.hpp"
#include "reference_objectives.hpp"
#include "run/runner.hpp"

using lv::NumberFormat;
using lv::Vec;

namespace {

// f = ½·Σ λᵢ(xᵢ − cᵢ)² shifted so the minimum (10, 10) lies where float16's spacing is 2^-7.
class ShiftedBowl final : public lv::Objective {
 public:
  int dim() const override { return 2; }
  double value(const Vec& x) const override { return 0.5 * (x - minimum()).squaredNorm(); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    gradient = x - minimum();
    return value(x);
  }
  lv::Mat hessian(const Vec&) const override { return lv::Mat::Identity(2, 2); }
  Vec hvp(const Vec&, const Vec& v) const override { return v; }
  static Vec minimum() { return Vec{{10.0, 10.0}}; }
};

lv::Trajectory run(const lv::Objective& objective, const char* optimizer, NumberFormat format,
                   double lr, int steps, Vec start) {
  auto method = lv::make_optimizer(optimizer);
  method->hyperparameters().set("lr", lr);
  lv::RunSettings settings;
  settings.max_steps = steps;
  settings.gradient_tolerance = 0.0;
  settings.precision.format = format;
  return lv::run_optimizer(objective, *method, nullptr, start, settings);
}

}  // namespace

TEST_CASE("float32 runs: every coordinate is a float (static_cast<float>(x) == x)") {
  const lv::test::DiagonalQuadratic bowl(Vec{{1.0, 10.0}});
  for (const char* optimizer : {"sgd", "adam", "rmsprop", "adagrad", "nadam", "lbfgs"}) {
    const lv::Trajectory t =
        run(bowl, optimizer, NumberFormat::Float32, 0.01, 200, Vec{{1.1, 0.7}});
    REQUIRE(t.size() > 1);
    for (double coordinate : t.positions) {
      REQUIRE(static_cast<double>(static_cast<float>(coordinate)) == coordinate);
    }
  }
}

TEST_CASE("float64 runs are unchanged by the precision machinery") {
  const lv::test::DiagonalQuadratic bowl(Vec{{1.0, 10.0}});
  auto plain = lv::make_optimizer("adam");
  plain->hyperparameters().set("lr", 0.05);
  lv::RunSettings settings;
  settings.max_steps = 100;
  const lv::Trajectory reference =
      lv::run_optimizer(bowl, *plain, nullptr, Vec{{1.1, 0.7}}, settings);
  const lv::Trajectory t = run(bowl, "adam", NumberFormat::Float64, 0.05, 100, Vec{{1.1, 0.7}});
  CHECK(t.positions == reference.positions);
}

TEST_CASE("float16 SGD stalls at |x − c| ≈ spacing/(2·lr) while float32 goes on") {
  // Near 10 float16's spacing is 2^-7; an update lr·|x − c| below 2^-8 rounds away, so the run
  // stops moving at |x − c| ≤ 2^-8/lr ≈ 0.39 for lr 0.01 (float32: ≈ 5e-5).
  const ShiftedBowl bowl;
  const Vec start{{12.0, 8.0}};
  const lv::Trajectory half = run(bowl, "sgd", NumberFormat::Float16, 0.01, 1500, start);
  const lv::Trajectory single = run(bowl, "sgd", NumberFormat::Float32, 0.01, 1500, start);
  REQUIRE(half.size() == 1501);
  const double stall_distance = std::ldexp(1.0, -8) / 0.01;
  const Vec last = half.x(half.size() - 1);
  CHECK((last - ShiftedBowl::minimum()).cwiseAbs().maxCoeff() <= stall_distance + 1e-12);
  CHECK((last - ShiftedBowl::minimum()).cwiseAbs().maxCoeff() > 0.1);
  for (int row = half.size() - 100; row < half.size(); ++row) CHECK(half.update_norm[row] == 0.0);
  CHECK(half.loss.back() > 100 * single.loss.back());
  for (double coordinate : half.positions) {
    CHECK(lv::round_to(NumberFormat::Float16, coordinate) == coordinate);
  }
}

TEST_CASE("float16 loss scaling skips the steps whose scaled gradient overflows") {
  // ∇f = x − c ≈ 2 at the start: 2·65536 overflows float16, so the scaler halves S (step skipped,
  // update 0) until 2·S ≤ 65504, i.e. twice (S = 16384).
  const ShiftedBowl bowl;
  const lv::Trajectory t = run(bowl, "sgd", NumberFormat::Float16, 0.1, 5, Vec{{12.0, 8.0}});
  REQUIRE(t.size() == 6);
  CHECK(t.update_norm[1] == 0.0);
  CHECK(t.update_norm[2] == 0.0);
  CHECK(t.update_norm[3] > 0.0);
}

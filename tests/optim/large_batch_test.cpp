// LARS (You et al. 2017, Alg. 1), LAMB (You et al. 2019, Alg. 2) and Adafactor (Shazeer & Stern
// 2018, Alg. 4/5): first steps computed by hand from the published update rules on
// f = ½(x² + 10y²) from (1, 1), where ∇f = (x, 10y); then convergence on two surfaces.
#include <cmath>

#include "common/errors.hpp"
#include "convergence_driver.hpp"
#include "optim/parameter_groups.hpp"

using lv::Vec;
using namespace lv::test;

namespace {
const DiagonalQuadratic k_bowl(Vec{{1.0, 10.0}});
const Vec k_start{{1.0, 1.0}};

// f = ½ Σ d_i x_i² over 4 coordinates that form one 2×2 weight matrix (rows stored one after
// another), as a network layer would report it.
class MatrixLayer final : public lv::Objective, public lv::GroupedObjective {
 public:
  int dim() const override { return 4; }
  double value(const Vec& x) const override { return quadratic_.value(x); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    return quadratic_.value_gradient(x, gradient);
  }
  lv::ParameterGroups parameter_groups() const override { return {{0, 2, 2, "0.weight"}}; }

 private:
  DiagonalQuadratic quadratic_{Vec{{1.0, 2.0, 3.0, 4.0}}};
};

// Claims a 2×1 group over a 4-coordinate objective: coordinates 2 and 3 belong to no group.
class IncompleteLayers final : public lv::Objective, public lv::GroupedObjective {
 public:
  int dim() const override { return 4; }
  double value(const Vec& x) const override { return x.squaredNorm(); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    gradient = 2.0 * x;
    return value(x);
  }
  lv::ParameterGroups parameter_groups() const override { return {{0, 2, 1, "0.bias"}}; }
};

// Polynomial decay γ_t = γ0 (1 − t/T)² used with LARS in You et al. 2017 (Alg. 1).
std::function<double(int)> polynomial_decay(double initial, int total) {
  return [=](int k) { return initial * std::pow(1.0 - static_cast<double>(k) / total, 2.0); };
}
}  // namespace

TEST_CASE("lars: per-coordinate trust ratio η|w|/|g| by hand") {
  // Step 1: g = (1, 10); λ = 0.1·1/1 and 0.1·1/10; v = 1·λ·g = (0.1, 0.1) → (0.9, 0.9).
  // Step 2: g = (0.9, 9); λ = (0.1, 0.01); v = 0.9·0.1 + λ·g = (0.18, 0.18) → (0.72, 0.72).
  const auto x = first_iterates(
      "lars", {{"lr", "1"}, {"trust_coefficient", "0.1"}, {"grouping", "per_coordinate"}}, k_bowl,
      k_start, 2);
  check_iterate(x[0], {0.9, 0.9});
  check_iterate(x[1], {0.72, 0.72});
}

TEST_CASE("lars: one group with weight decay, λ = η‖w‖/(‖g‖ + β‖w‖) (eq. 6)") {
  const auto x = first_iterates("lars",
                                {{"lr", "1"},
                                 {"momentum", "0"},
                                 {"trust_coefficient", "0.1"},
                                 {"weight_decay", "0.5"},
                                 {"grouping", "all"}},
                                k_bowl, k_start, 1);
  const double local_rate = 0.1 * std::sqrt(2.0) / (std::sqrt(101.0) + 0.5 * std::sqrt(2.0));
  check_iterate(x[0], {1.0 - local_rate * 1.5, 1.0 - local_rate * 10.5});
}

TEST_CASE("lamb: per coordinate the trust ratio makes each step lr·|x| long") {
  // r = m̂/(√v̂ + ε) has the sign of g; φ(|x|)/|r| · r = |x|·sign(g): (1,1) → 0.9 → 0.81.
  const auto x =
      first_iterates("lamb", {{"lr", "0.1"}, {"grouping", "per_coordinate"}}, k_bowl, k_start, 2);
  check_iterate(x[0], {0.9, 0.9});
  check_iterate(x[1], {0.81, 0.81});
}

TEST_CASE("lamb: one group, r_1 = g/(|g| + ε), step lr·‖x‖·r/‖r‖ (Alg. 2)") {
  const auto x = first_iterates("lamb", {{"lr", "0.1"}, {"grouping", "all"}}, k_bowl, k_start, 1);
  const Vec r{{1.0 / (1.0 + 1e-6), 10.0 / (10.0 + 1e-6)}};
  const Vec expected = k_start - 0.1 * std::sqrt(2.0) / r.norm() * r;
  check_iterate(x[0], {expected[0], expected[1]});
}

TEST_CASE("lamb: φ clamps ‖x‖ at clamp_value") {
  const auto x = first_iterates("lamb", {{"lr", "0.1"}, {"grouping", "per_coordinate"}}, k_bowl,
                                Vec{{20.0, 20.0}}, 1);
  check_iterate(x[0], {19.0, 19.0});  // step 0.1·min(20, 10) = 1
}

TEST_CASE("adafactor: Algorithm 5 (vector) first two steps by hand") {
  // t = 1: β̂ = 1 − 1^−0.8 = 0, V̂ = G², U = sign(G) = (1, 1), RMS(U) = 1 (no clipping),
  //        α = max(ε2, RMS(x0) = 1)·min(10⁻², 1) = 0.01 → (0.99, 0.99).
  // t = 2: G = (0.99, 9.9), β̂ = 1 − 2^−0.8, V̂ = β̂ G1² + (1 − β̂) G2², U = (u, u) with
  //        u = 0.99/√(β̂ + 0.9801(1 − β̂)) < 1, α = 0.99·0.01.
  const auto x = first_iterates("adafactor", {{"grouping", "all"}}, k_bowl, k_start, 2);
  check_iterate(x[0], {0.99, 0.99});
  const double decay = 1.0 - std::pow(2.0, -0.8);
  const double u = 0.99 / std::sqrt(decay + 0.9801 * (1.0 - decay));
  check_iterate(x[1], {0.99 - 0.0099 * u, 0.99 - 0.0099 * u});
}

TEST_CASE("adafactor: update clipping Û = U / max(1, RMS(U)/d)") {
  const auto x =
      first_iterates("adafactor", {{"grouping", "all"}, {"d", "0.5"}}, k_bowl, k_start, 1);
  check_iterate(x[0], {0.995, 0.995});  // RMS(U) = 1, d = ½ halves the step
}

TEST_CASE("adafactor: Algorithm 4 factors a matrix group's second moment into R Cᵀ / ΣR") {
  // G = [[1, 2], [3, 4]] at x0 = 1; G² row sums R = (5, 25), column sums C = (10, 20), ΣR = 30:
  // V̂ = [[5/3, 10/3], [25/3, 50/3]], U² = G²/V̂ = (0.6, 1.2, 1.08, 0.96), RMS(U) = √0.96 < 1,
  // α = 0.01 → x1 = 1 − 0.01·U.
  const MatrixLayer layer;
  const auto x = first_iterates("adafactor", {}, layer, Vec::Ones(4), 1);
  check_iterate(x[0], {1.0 - 0.01 * std::sqrt(0.6), 1.0 - 0.01 * std::sqrt(1.2),
                       1.0 - 0.01 * std::sqrt(1.08), 1.0 - 0.01 * std::sqrt(0.96)});
}

TEST_CASE("grouping: auto takes the objective's layers; malformed layers are an input error") {
  const MatrixLayer layer;
  CHECK(lv::parameter_groups_for(layer, "auto").size() == 1);
  CHECK(lv::parameter_groups_for(layer, "per_coordinate").size() == 4);
  CHECK(lv::parameter_groups_for(k_bowl, "auto").size() == 2);
  CHECK(lv::parameter_groups_for(k_bowl, "all").front().size() == 2);
  CHECK_THROWS_WITH_AS(lv::parameter_groups_for(IncompleteLayers(), "auto"),
                       "parameter groups cover 2 of 4 coordinates", lv::InputError);
}

TEST_CASE("lars and lamb converge with the polynomial lr decay; adafactor with its relative step") {
  const auto booth = formula(k_booth);
  const auto himmelblau = formula(k_himmelblau);
  SUBCASE("lars") {
    auto lars = configured("lars", {{"trust_coefficient", "0.02"}, {"momentum", "0.9"}});
    check_reaches(run_with_rate(*lars, booth, Vec{{0.5, 0.5}}, 3000, polynomial_decay(1.0, 3000)),
                  Vec{{1.0, 3.0}}, 1e-3);
    check_reaches(
        run_with_rate(*lars, himmelblau, Vec{{1.0, 1.0}}, 3000, polynomial_decay(1.0, 3000)),
        Vec{{3.0, 2.0}}, 1e-3);
  }
  SUBCASE("lamb") {
    auto lamb = configured("lamb", {});
    check_reaches(run_with_rate(*lamb, booth, Vec{{0.5, 0.5}}, 3000, polynomial_decay(0.05, 3000)),
                  Vec{{1.0, 3.0}}, 1e-3);
    check_reaches(
        run_with_rate(*lamb, himmelblau, Vec{{1.0, 1.0}}, 3000, polynomial_decay(0.05, 3000)),
        Vec{{3.0, 2.0}}, 1e-3);
  }
  SUBCASE("adafactor") {
    check_reaches(final_point(run_named("adafactor", {}, booth, Vec{{0.5, 0.5}}, 3000)),
                  Vec{{1.0, 3.0}}, 1e-3);
    check_reaches(final_point(run_named("adafactor", {}, himmelblau, Vec{{1.0, 1.0}}, 3000)),
                  Vec{{3.0, 2.0}}, 1e-3);
  }
}

TEST_CASE("failure case: lars with a constant lr keeps stepping η·lr·|w| and does not settle") {
  // With λ ∝ 1/|g| the step length does not shrink as ∇f → 0 (why the paper decays γ_t).
  auto lars = configured(
      "lars", {{"trust_coefficient", "0.02"}, {"momentum", "0"}, {"grouping", "per_coordinate"}});
  const auto booth = formula(k_booth);
  const Vec x = run_with_rate(*lars, booth, Vec{{0.5, 0.5}}, 3000, [](int) { return 1.0; });
  CHECK((x - Vec{{1.0, 3.0}}).norm() > 1e-2);
}

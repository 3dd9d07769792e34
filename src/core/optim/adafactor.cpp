#include "optim/adafactor.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lv {

namespace {

double root_mean_square(const Vec& values) {
  return values.size() == 0 ? 0.0
                            : std::sqrt(values.squaredNorm() / static_cast<double>(values.size()));
}

}  // namespace

Adafactor::Adafactor()
    : Optimizer(
          "adafactor",
          {learning_rate_parameter(1e-2),
           real_parameter("beta2_decay", -0.8, -1.0, 0.0, -std::numeric_limits<double>::infinity(),
                          0.0, false,
                          "exponent c of the second-moment decay β̂2t = 1 − t^c (Sec. 7)"),
           real_parameter("eps1", 1e-30, 1e-40, 1e-10, 0.0, std::numeric_limits<double>::infinity(),
                          true, "ε1 added to the squared gradient (Algorithms 4/5)"),
           real_parameter("eps2", 1e-3, 1e-6, 1e-1, 0.0, std::numeric_limits<double>::infinity(),
                          true,
                          "ε2: smallest parameter scale in the relative step max(ε2, RMS(x))"),
           real_parameter("d", 1.0, 0.1, 10.0, 0.0, std::numeric_limits<double>::infinity(), false,
                          "update clipping threshold d: Û = U / max(1, RMS(U)/d) (Sec. 6)"),
           boolean_parameter("relative_step", true,
                             "ρ_t = min(lr, 1/√t) (Sec. 8); false: ρ_t = lr"),
           boolean_parameter("scale_parameter", true,
                             "step α_t = max(ε2, RMS(x))·ρ_t (Sec. 8); false: α_t = ρ_t"),
           grouping_parameter(), maximize_parameter()}) {}

void Adafactor::reset(const Vec&) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("beta2_decay"), p.get("eps1"),           p.get("eps2"),
               p.get("d"),           p.flag("relative_step"), p.flag("scale_parameter"),
               p.flag("maximize"),   p.choice("grouping")};
  groups_.clear();
  moments_.clear();
  step_count_ = 0;
}

// Û_t for one group. Algorithm 4 (matrix n×m, rows of x stored one after another):
//   R_t = β̂2t R_{t−1} + (1 − β̂2t)(G_t² + ε1 1ₙ1ₘᵀ)1ₘ
//   C_t = β̂2t C_{t−1} + (1 − β̂2t)1ₙᵀ(G_t² + ε1 1ₙ1ₘᵀ)
//   V̂_t = R_t C_t / (1ₙᵀ R_t)
// Algorithm 5 (vector):  V̂_t = β̂2t V̂_{t−1} + (1 − β̂2t)(G_t² + ε1 1ₙ)
// then, for both:  U_t = G_t / √V̂_t;  Û_t = U_t / max(1, RMS(U_t)/d).
Vec Adafactor::scaled_update(const ParameterGroup& group, Moments& moments, const Vec& gradient,
                             double decay) const {
  const Vec squared = gradient.cwiseAbs2().array() + settings_.eps1;
  Vec second_moment;
  if (group.is_matrix()) {
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
        squared_matrix(squared.data(), group.rows, group.cols);
    moments.rows = decay * moments.rows + (1.0 - decay) * squared_matrix.rowwise().sum();
    moments.cols =
        decay * moments.cols + (1.0 - decay) * squared_matrix.colwise().sum().transpose();
    second_moment.resize(group.size());
    const double row_total = moments.rows.sum();
    for (int r = 0; r < group.rows; ++r) {
      for (int c = 0; c < group.cols; ++c) {
        second_moment[r * group.cols + c] = moments.rows[r] * moments.cols[c] / row_total;
      }
    }
  } else {
    moments.full = decay * moments.full + (1.0 - decay) * squared;
    second_moment = moments.full;
  }
  Vec update = gradient.array() / second_moment.array().sqrt();
  return update / std::max(1.0, root_mean_square(update) / settings_.clip_threshold);
}

// X_t = X_{t−1} − α_t Û_t with α_t = max(ε2, RMS(X_{t−1}))·ρ_t and ρ_t = min(lr, 1/√t)
// (Algorithms 4/5 with the relative step size of Sec. 8; the paper's lr is 10⁻²).
void Adafactor::step(const StepContext& context, Vec& x) {
  if (groups_.empty()) {
    groups_ = parameter_groups_for(context.oracle.objective(), settings_.grouping);
    for (const ParameterGroup& group : groups_) {
      moments_.push_back(group.is_matrix()
                             ? Moments{Vec::Zero(group.rows), Vec::Zero(group.cols), Vec()}
                             : Moments{Vec(), Vec(), Vec::Zero(group.size())});
    }
  }
  const Settings& s = settings_;
  ++step_count_;
  const double t = step_count_;
  const double decay = 1.0 - std::pow(t, s.beta2_decay);
  const double relative_rate =
      s.relative_step ? std::min(context.learning_rate, 1.0 / std::sqrt(t)) : context.learning_rate;
  for (size_t i = 0; i < groups_.size(); ++i) {
    const ParameterGroup& group = groups_[i];
    Vec gradient = context.gradient.segment(group.offset, group.size());
    if (s.maximize) gradient = -gradient;
    const double parameter_scale =
        s.scale_parameter
            ? std::max(s.eps2, root_mean_square(x.segment(group.offset, group.size())))
            : 1.0;
    x.segment(group.offset, group.size()) -=
        parameter_scale * relative_rate * scaled_update(group, moments_[i], gradient, decay);
  }
}

}  // namespace lv

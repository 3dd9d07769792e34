// Independent references for the schedule tests: scalar re-implementations of
// torch.optim.lr_scheduler as PyTorch steps them (the chainable get_lr recursions that update the
// optimizer's lr in place after each scheduler.step(), and get_lr of the non-chainable
// schedulers), written from the PyTorch source and docs, not from the closed forms under test.
// Each simulator's `lr` is the lr after `last_epoch` scheduler steps; the constructor performs
// PyTorch's initial step (last_epoch = 0).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "schedule/schedule.hpp"

namespace lv::test {

constexpr double k_pi = std::numbers::pi;

// StepLR.get_lr: multiply by gamma when last_epoch is a positive multiple of step_size.
struct TorchStepLR {
  double lr;
  int step_size;
  double gamma;
  int last_epoch = 0;
  void step() {
    ++last_epoch;
    if (last_epoch % step_size == 0) lr *= gamma;
  }
};

// MultiStepLR.get_lr: milestones is a Counter; at a milestone multiply by gamma^count.
struct TorchMultiStepLR {
  double lr;
  std::vector<int> milestones;
  double gamma;
  int last_epoch = 0;
  void step() {
    ++last_epoch;
    const auto count = std::count(milestones.begin(), milestones.end(), last_epoch);
    if (count > 0) lr *= std::pow(gamma, static_cast<double>(count));
  }
};

// ExponentialLR.get_lr: multiply by gamma every step.
struct TorchExponentialLR {
  double lr;
  double gamma;
  void step() { lr *= gamma; }
};

// PolynomialLR.get_lr: lr ← lr·((1 − e/T)/(1 − (e − 1)/T))^power while e <= total_iters.
struct TorchPolynomialLR {
  double lr;
  int total_iters;
  double power;
  int last_epoch = 0;
  void step() {
    ++last_epoch;
    if (last_epoch > total_iters) return;
    const double decay_factor = std::pow((1.0 - static_cast<double>(last_epoch) / total_iters) /
                                             (1.0 - (last_epoch - 1.0) / total_iters),
                                         power);
    lr *= decay_factor;
  }
};

// CosineAnnealingLR.get_lr: the ratio recursion, with the additive branch on the step after each
// minimum (where the ratio's denominator 1 + cos(π) vanishes).
struct TorchCosineAnnealingLR {
  double lr;
  double base_lr;
  int t_max;
  double eta_min;
  int last_epoch = 0;
  void step() {
    ++last_epoch;
    if ((last_epoch - 1 - t_max) % (2 * t_max) == 0) {
      lr = lr + (base_lr - eta_min) * (1 - std::cos(k_pi / t_max)) / 2;
      return;
    }
    lr = (1 + std::cos(k_pi * last_epoch / t_max)) /
             (1 + std::cos(k_pi * (last_epoch - 1) / t_max)) * (lr - eta_min) +
         eta_min;
  }
};

// CosineAnnealingWarmRestarts.step() without an epoch argument: T_cur counts up and wraps,
// multiplying the cycle length by T_mult at each restart.
struct TorchCosineAnnealingWarmRestarts {
  double base_lr;
  int t_i;
  int t_mult;
  double eta_min;
  int t_cur = 0;
  double lr = base_lr;
  void step() {
    t_cur += 1;
    if (t_cur >= t_i) {
      t_cur %= t_i;
      t_i *= t_mult;
    }
    lr = eta_min + (base_lr - eta_min) * (1 + std::cos(k_pi * t_cur / t_i)) / 2;
  }
};

// LinearLR.get_lr: lr·start_factor at the initial step, then the multiplicative recursion
// 1 + (end − start)/(T·start + (e − 1)·(end − start)) while e <= total_iters.
struct TorchLinearLR {
  double lr;
  double start_factor;
  double end_factor;
  int total_iters;
  int last_epoch = 0;
  TorchLinearLR(double base_lr, double start, double end, int total)
      : lr(base_lr * start), start_factor(start), end_factor(end), total_iters(total) {}
  void step() {
    ++last_epoch;
    if (last_epoch > total_iters) return;
    lr *= 1.0 + (end_factor - start_factor) /
                    (total_iters * start_factor + (last_epoch - 1) * (end_factor - start_factor));
  }
};

// CyclicLR.get_lr (not chainable: a function of last_epoch).
inline double torch_cyclic_lr(int last_epoch, double base_lr, double max_lr, double up, double down,
                              const std::string& mode, double gamma) {
  const double total_size = up + down;
  const double step_ratio = up / total_size;
  const double cycle = std::floor(1 + last_epoch / total_size);
  const double x = 1.0 + last_epoch / total_size - cycle;
  const double scale_factor = x <= step_ratio ? x / step_ratio : (x - 1) / (step_ratio - 1);
  const double base_height = (max_lr - base_lr) * scale_factor;
  if (mode == "triangular") return base_lr + base_height * 1.0;
  if (mode == "triangular2") return base_lr + base_height * (1 / std::pow(2.0, cycle - 1));
  return base_lr + base_height * std::pow(gamma, last_epoch);  // exp_range: scale_mode iterations
}

// OneCycleLR.get_lr (not chainable): the phase table and the search over it.
struct TorchOneCycleLR {
  struct Phase {
    double end_step, start_lr, end_lr;
  };
  std::vector<Phase> phases;
  bool cosine;
  TorchOneCycleLR(double max_lr, int total_steps, double pct_start, bool cos, double div_factor,
                  double final_div_factor, bool three_phase)
      : cosine(cos) {
    const double initial_lr = max_lr / div_factor;
    const double min_lr = initial_lr / final_div_factor;
    const double first_end = pct_start * total_steps - 1;
    if (three_phase) {
      phases = {{first_end, initial_lr, max_lr},
                {2 * pct_start * total_steps - 2, max_lr, initial_lr},
                {total_steps - 1.0, initial_lr, min_lr}};
    } else {
      phases = {{first_end, initial_lr, max_lr}, {total_steps - 1.0, max_lr, min_lr}};
    }
  }
  double lr(int step_num) const {
    double start_step = 0.0;
    for (size_t i = 0; i < phases.size(); ++i) {
      if (step_num <= phases[i].end_step || i == phases.size() - 1) {
        const double pct = (step_num - start_step) / (phases[i].end_step - start_step);
        const double start = phases[i].start_lr, end = phases[i].end_lr;
        if (cosine) return end + (start - end) / 2.0 * (std::cos(k_pi * pct) + 1);
        return (end - start) * pct + start;
      }
      start_step = phases[i].end_step;
    }
    return NAN;  // unreachable: the last phase always matches
  }
};

// The simulator's lr after 0, 1, ..., steps scheduler steps.
template <typename Simulator>
std::vector<double> simulate(Simulator simulator, int steps) {
  std::vector<double> lrs{simulator.lr};
  for (int t = 1; t <= steps; ++t) {
    simulator.step();
    lrs.push_back(simulator.lr);
  }
  return lrs;
}

// A registered schedule configured from text settings (as --sched-set), validated.
inline std::unique_ptr<Schedule> configured(const std::string& name,
                                            const std::map<std::string, std::string>& settings) {
  std::unique_ptr<Schedule> schedule = make_schedule(name);
  for (const auto& [key, value] : settings) schedule->hyperparameters().set_from_text(key, value);
  schedule->validate();
  return schedule;
}

// learning_rate(t, base_lr) for t = 0..steps.
inline std::vector<double> schedule_lrs(const Schedule& schedule, int steps, double base_lr) {
  std::vector<double> lrs;
  for (int t = 0; t <= steps; ++t) lrs.push_back(schedule.learning_rate(t, base_lr));
  return lrs;
}

// Elementwise agreement within 1e-12 relative (exact zeros must match exactly).
inline void check_lrs(const std::vector<double>& actual, const std::vector<double>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (size_t t = 0; t < actual.size(); ++t) {
    CAPTURE(t);
    CAPTURE(actual[t]);
    CAPTURE(expected[t]);
    const double scale = std::max(std::abs(actual[t]), std::abs(expected[t]));
    CHECK(std::abs(actual[t] - expected[t]) <= 1e-12 * scale);
  }
}

}  // namespace lv::test

// The trajectory runner: runs optimizers from start points for N steps, recording every step,
// stopping on divergence (non-finite value/gradient/point, or ‖x‖∞ beyond a bound) and on
// convergence (gradient norm below a tolerance). Racing = several runs on one objective.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "objective/objective.hpp"
#include "optim/optimizer.hpp"
#include "run/gradient_clipping.hpp"
#include "run/precision_emulation.hpp"
#include "run/trajectory.hpp"
#include "schedule/schedule.hpp"

namespace lv {

struct RunSettings {
  int max_steps = 1000;               // updates to make (default: 1000)
  double gradient_tolerance = 1e-10;  // converged when ‖∇f‖ < this (0: never) (default: 1e-10)
  double divergence_bound = 1e8;      // diverged when any |x_i| exceeds this (default: 1e8)
  double noise_sigma = 0.0;           // Gaussian gradient noise σ (default: 0, none)
  uint64_t seed = 0;                  // seeds the noise and the mini-batches (default: 0)
  // Mini-batch size on a SampledObjective (a model on data): each update uses the mean gradient
  // of the next batch of a seeded shuffle per epoch (objective/minibatch_sampler.hpp); 0 or
  // at least the sample count: the full gradient (default: 0). Ignored for other objectives and
  // for optimizers that always run full batch (Optimizer::full_batch()).
  int batch_size = 0;
  ClipSettings clip;                  // gradient clipping (default: off)
  PrecisionSettings precision;        // number format of x, ∇f and state (default: float64)
  // When set and true, the run stops before its next step (status Running, reason "cancelled"):
  // the app cancels a race the user has already changed (default: none).
  const std::atomic<bool>* cancel = nullptr;
};

// Runs `optimizer` (reset() here) from x0. `schedule` may be null (constant lr).
// Throws InputError if x0 has the wrong dimension or the configuration is inconsistent.
Trajectory run_optimizer(const Objective& objective, Optimizer& optimizer, const Schedule* schedule,
                         const Vec& x0, const RunSettings& settings);

// One contestant of a race.
struct RaceEntry {
  std::unique_ptr<Optimizer> optimizer;
  std::unique_ptr<Schedule> schedule;  // may be null
  Vec start;
  RunSettings settings;
};

// Runs every entry (in parallel threads when there are several) and returns the trajectories in
// entry order.
std::vector<Trajectory> run_race(const Objective& objective, std::vector<RaceEntry>& entries);

}  // namespace lv

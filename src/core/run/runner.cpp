#include "run/runner.hpp"

#include <cmath>
#include <future>
#include <string>

#include <optional>

#include "common/errors.hpp"
#include "objective/minibatch_sampler.hpp"
#include "objective/sampled_objective.hpp"
#include "optim/oracle.hpp"

namespace lv {

namespace {

double scheduled_rate(const Schedule* schedule, int step, double base_lr) {
  return schedule ? schedule->learning_rate(step, base_lr) : base_lr;
}

void mark_diverged(Trajectory& trajectory, int step, const std::string& reason) {
  trajectory.status = RunStatus::Diverged;
  trajectory.diverged_step = step;
  trajectory.status_reason = reason;
}

// The sampled objective a mini-batch run draws its batches from, or null for a full-batch run.
const SampledObjective* minibatch_source(const Objective& objective, const Optimizer& optimizer,
                                         const RunSettings& settings) {
  if (settings.batch_size < 0) throw InputError("the batch size must be >= 0");
  const auto* sampled = dynamic_cast<const SampledObjective*>(&objective);
  if (!sampled || settings.batch_size == 0 || optimizer.full_batch()) return nullptr;
  return settings.batch_size < sampled->sample_count() ? sampled : nullptr;
}

}  // namespace

Trajectory run_optimizer(const Objective& objective, Optimizer& optimizer, const Schedule* schedule,
                         const Vec& x0, const RunSettings& settings) {
  const int n = objective.dim();
  if (x0.size() != n) {
    throw InputError("start point has " + std::to_string(x0.size()) + " coordinates but the " +
                     "objective has " + std::to_string(n) + " variables");
  }
  if (schedule) schedule->validate();
  if (!x0.allFinite()) {  // before reset(): an optimizer may size its state from x0
    Trajectory trajectory(n);
    mark_diverged(trajectory, 0, "the start point is not finite");
    return trajectory;
  }
  PrecisionEmulation precision(settings.precision);
  Vec x = x0;
  precision.round_point(x);
  optimizer.reset(x);
  const SampledObjective* sampled = minibatch_source(objective, optimizer, settings);
  std::optional<MiniBatchSampler> sampler;
  if (sampled) sampler.emplace(sampled->sample_count(), settings.batch_size, settings.seed);

  Oracle oracle(objective, settings.noise_sigma, settings.seed);
  Trajectory trajectory(n);
  trajectory.reserve(settings.max_steps + 1);

  Vec previous(n);
  Vec gradient(n);
  Vec update_gradient(n);
  const double base_lr = optimizer.base_learning_rate();

  // Evaluates the true f and ∇f at x (the recorded values); checks them for finiteness.
  auto evaluate = [&](double& value, double& gradient_norm) {
    value = objective.value_gradient(x, gradient);
    gradient_norm = gradient.norm();
    return std::isfinite(value) && std::isfinite(gradient_norm);
  };

  double value = 0.0;
  double gradient_norm = 0.0;
  if (!evaluate(value, gradient_norm)) {
    mark_diverged(trajectory, 0, "f or its gradient is not finite at the start point");
    return trajectory;
  }
  trajectory.append(x, value, gradient_norm, 0.0, scheduled_rate(schedule, 0, base_lr), 0);
  if (sampler) trajectory.epoch.push_back(0);

  for (int step = 1; step <= settings.max_steps; ++step) {
    if (settings.gradient_tolerance > 0.0 && gradient_norm < settings.gradient_tolerance) {
      trajectory.status = RunStatus::Converged;
      trajectory.status_reason = "gradient norm below tolerance";
      return trajectory;
    }
    if (settings.cancel != nullptr && settings.cancel->load(std::memory_order_relaxed)) {
      trajectory.status_reason = "cancelled";
      return trajectory;
    }
    const double learning_rate = scheduled_rate(schedule, step - 1, base_lr);
    if (sampler) {
      sampled->batch_value_gradient(x, sampler->next(), update_gradient);
    } else {
      update_gradient = gradient;
    }
    oracle.add_noise(update_gradient);
    if (!precision.prepare_gradient(update_gradient, settings.clip)) {
      // float16 loss scaling found an inf/NaN: the step is skipped (x unchanged, update 0).
      trajectory.append(x, value, gradient_norm, 0.0, learning_rate,
                        step + oracle.function_evaluations());
      if (sampler) trajectory.epoch.push_back(sampler->epoch());
      continue;
    }
    previous = x;
    optimizer.step(StepContext{update_gradient, value, learning_rate, oracle}, x);
    precision.round_point(x);
    precision.round_state(optimizer);

    if (!x.allFinite()) {
      mark_diverged(trajectory, step, "non-finite point at step " + std::to_string(step));
      return trajectory;
    }
    if (x.cwiseAbs().maxCoeff() > settings.divergence_bound) {
      mark_diverged(trajectory, step,
                    "left the bound |x| <= " + std::to_string(settings.divergence_bound) +
                        " at step " + std::to_string(step));
      return trajectory;
    }
    if (!evaluate(value, gradient_norm)) {
      mark_diverged(trajectory, step,
                    "non-finite loss or gradient at step " + std::to_string(step));
      return trajectory;
    }
    // The runner's own evaluation counts as one per step on top of the optimizer's extra ones.
    const long evaluations = step + oracle.function_evaluations();
    trajectory.append(x, value, gradient_norm, (x - previous).norm(), learning_rate, evaluations);
    if (sampler) trajectory.epoch.push_back(sampler->epoch());
  }
  trajectory.status = RunStatus::MaxSteps;
  return trajectory;
}

std::vector<Trajectory> run_race(const Objective& objective, std::vector<RaceEntry>& entries) {
  std::vector<Trajectory> trajectories(entries.size());
  auto run_entry = [&](size_t i) {
    RaceEntry& entry = entries[i];
    trajectories[i] = run_optimizer(objective, *entry.optimizer, entry.schedule.get(), entry.start,
                                    entry.settings);
  };
  if (entries.size() <= 1) {
    for (size_t i = 0; i < entries.size(); ++i) run_entry(i);
    return trajectories;
  }
  std::vector<std::future<void>> futures;
  for (size_t i = 0; i < entries.size(); ++i) {
    futures.push_back(std::async(std::launch::async, run_entry, i));
  }
  for (std::future<void>& future : futures) future.get();  // rethrows the first error
  return trajectories;
}

}  // namespace lv

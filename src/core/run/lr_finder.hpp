// The learning-rate range test (Smith 2017, "Cyclical Learning Rates for Training Neural
// Networks" §3.3; fastai's and PyTorch Lightning's "LR finder"): one run whose lr grows
// exponentially from min_lr to max_lr, the loss recorded against the lr, and a suggested lr at
// the steepest descent of the smoothed loss. See docs/lr_finder.md.
#pragma once

#include <vector>

#include "objective/objective.hpp"
#include "optim/optimizer.hpp"

namespace lv {

struct LrFinderSettings {
  double min_lr = 1e-7;          // first lr of the sweep (default: 1e-7, fastai's start_lr)
  double max_lr = 10.0;          // last lr of the sweep (default: 10, fastai's end_lr)
  int steps = 100;               // updates in the sweep (default: 100, fastai's num_it)
  double smoothing = 0.98;       // β of the debiased moving average of the loss (default: 0.98)
  double divergence_factor = 4;  // stop once the smoothed loss exceeds this × the best (default: 4)
  int skip_begin = 10;           // points ignored at the start for the suggestion (default: 10)
  int skip_end = 1;              // points ignored at the end for the suggestion (default: 1)
};

struct LrFinderResult {
  std::vector<double> learning_rates;  // the lr of each update
  std::vector<double> losses;          // the loss after that update
  std::vector<double> smoothed_losses;
  double suggested_lr = 0.0;   // 0 when no point of the smoothed loss decreases
  int suggested_index = -1;    // -1 when there is no suggestion
  bool stopped_early = false;  // the loss diverged (> divergence_factor × best, or not finite)
};

// Throws InputError for min_lr ≤ 0, max_lr ≤ min_lr, steps < 2 or a method without an "lr".
// The optimizer is reset at x0; its "lr" hyperparameter is left as it was.
LrFinderResult find_learning_rate(const Objective& objective, Optimizer& optimizer, const Vec& x0,
                                  const LrFinderSettings& settings = {});

// The suggestion rule on its own: the index of the most negative slope d(smoothed loss)/d(log lr)
// (central differences, numpy.gradient) within [skip_begin, size − skip_end); -1 if none is < 0.
int steepest_descent_index(const std::vector<double>& learning_rates,
                           const std::vector<double>& smoothed_losses, int skip_begin,
                           int skip_end);

}  // namespace lv

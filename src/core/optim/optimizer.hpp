// lv::Optimizer: one class per method, created by name from the registry (registry.hpp). The
// configuration is a HyperParameters set (descriptors = data); the per-run state (moments, step
// count, memory) lives in the subclass and is cleared by reset().
//
// Protocol, one update: the runner evaluates f and ∇f at x, applies noise and clipping, asks the
// schedule for the learning rate, then calls step(). step() moves x in place; methods that need
// more (line searches, Hessians, SAM's second gradient) use context.oracle.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/types.hpp"
#include "optim/oracle.hpp"
#include "params/hyperparameter.hpp"

namespace lv {

struct StepContext {
  const Vec& gradient;  // ∇f(x) as the optimizer sees it (noisy, clipped); never maximize-negated
  double value;         // f(x)
  double learning_rate;  // this step's lr (the schedule applied to the "lr" hyperparameter)
  Oracle& oracle;
};

// The diagonal preconditioner of an adaptive method's last step, x ← x − lr·P⁻¹·m (Adam family:
// P = √v̂ + ε), and the β1 of its first-moment average: what the preconditioned sharpness
// λmax(P⁻¹H) and its stability threshold (2 + 2β1)/((1 − β1)·lr) need (Cohen et al. 2022).
struct DiagonalPreconditioner {
  Vec diagonal;
  double beta1 = 0.0;
};

class Optimizer {
 public:
  Optimizer(std::string name, std::vector<HyperParameter> descriptors);
  virtual ~Optimizer() = default;

  const std::string& name() const { return name_; }
  HyperParameters& hyperparameters() { return hyperparameters_; }
  const HyperParameters& hyperparameters() const { return hyperparameters_; }
  // The base learning rate (hyperparameter "lr"); 0 for methods without one.
  double base_learning_rate() const;
  // Sets one hyperparameter (CLI --set, GUI sliders, scenes) and lets the method react: a
  // wrapper such as SAM rebuilds its descriptor list when its `base` changes.
  void set_hyperparameter(std::string_view name, std::string_view text);
  void set_hyperparameter(std::string_view name, double value);

  // Clears all per-run state for a run starting at x0. Throws InputError for an inconsistent
  // configuration (e.g. SGD nesterov without momentum), as torch.optim's constructors do.
  virtual void reset(const Vec& x0) = 0;
  virtual void step(const StepContext& context, Vec& x) = 0;
  // The preconditioner after the last step; false for non-adaptive methods or before a step.
  virtual bool preconditioner(DiagonalPreconditioner& /*out*/) const { return false; }
  // Calls `visit` on every per-run state vector (moments, momentum buffers, accumulators), so
  // the runner can round them to the run's number format (docs/precision.md). Default: none.
  virtual void visit_state(const std::function<void(Vec&)>& /*visit*/) {}
  // True for methods that always see the full gradient on a model on data, whatever the batch
  // size (gradient descent by definition; Newton-type and line-search methods, whose Hessians,
  // curvature pairs and Armijo tests need one consistent function): docs/two_param_models.md.
  virtual bool full_batch() const { return false; }

 protected:
  // Called after set_hyperparameter() changed `name` (default: nothing to do).
  virtual void hyperparameter_changed(std::string_view /*name*/) {}

 private:
  std::string name_;
  HyperParameters hyperparameters_;
};

// Descriptors shared by many methods, so their help text and ranges agree everywhere.
HyperParameter learning_rate_parameter(double default_value);
HyperParameter weight_decay_parameter();
HyperParameter maximize_parameter();
HyperParameter eps_parameter(double default_value);
// torch.optim's `betas=(beta1, beta2)`, exposed as two settings; each must lie in [0, 1).
HyperParameter beta1_parameter(double default_value = 0.9);
HyperParameter beta2_parameter(double default_value = 0.999);
// "weight_decay" for methods whose decay is decoupled from the gradient (AdamW).
HyperParameter decoupled_weight_decay_parameter(double default_value);

}  // namespace lv

// Defaults and rejected values of every torch.optim method, from the class signatures and the
// ValueError checks in their constructors (torch/optim/<name>.py, PyTorch 2.x).
#include <map>
#include <string>

#include "common/errors.hpp"
#include "optim/registry.hpp"
#include "optimizer_steps.hpp"

namespace {

// name → the complete, ordered hyperparameter list with PyTorch's defaults (false = 0).
using Defaults = std::vector<std::pair<std::string, double>>;

const std::map<std::string, Defaults>& torch_defaults() {
  static const std::map<std::string, Defaults> defaults = {
      {"adagrad",
       {{"lr", 0.01},
        {"lr_decay", 0},
        {"weight_decay", 0},
        {"initial_accumulator_value", 0},
        {"eps", 1e-10},
        {"maximize", false}}},
      {"rmsprop",
       {{"lr", 0.01},
        {"alpha", 0.99},
        {"eps", 1e-08},
        {"weight_decay", 0},
        {"momentum", 0},
        {"centered", false},
        {"maximize", false}}},
      {"adam",
       {{"lr", 0.001},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-08},
        {"weight_decay", 0},
        {"amsgrad", false},
        {"maximize", false}}},
      {"adamw",
       {{"lr", 0.001},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-08},
        {"weight_decay", 0.01},
        {"amsgrad", false},
        {"maximize", false}}},
      {"nadam",
       {{"lr", 0.002},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-08},
        {"weight_decay", 0},
        {"momentum_decay", 0.004},
        {"decoupled_weight_decay", false},
        {"maximize", false}}},
      {"radam",
       {{"lr", 0.001},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-08},
        {"weight_decay", 0},
        {"decoupled_weight_decay", false},
        {"maximize", false}}},
      {"adamax",
       {{"lr", 0.002},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-08},
        {"weight_decay", 0},
        {"maximize", false}}},
      {"adadelta",
       {{"lr", 1}, {"rho", 0.9}, {"eps", 1e-06}, {"weight_decay", 0}, {"maximize", false}}},
  };
  return defaults;
}

}  // namespace

TEST_CASE("every torch.optim method has exactly PyTorch's hyperparameters and defaults") {
  for (const auto& [name, expected] : torch_defaults()) {
    CAPTURE(name);
    const auto optimizer = lv::make_optimizer(name);
    const lv::HyperParameters& parameters = optimizer->hyperparameters();
    REQUIRE(parameters.descriptors().size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      CHECK(parameters.descriptors()[i].name == expected[i].first);
      CHECK(parameters.get(expected[i].first) == expected[i].second);
    }
  }
}

TEST_CASE("values torch.optim's constructors reject are InputErrors naming the setting") {
  struct Case {
    const char* optimizer;
    const char* name;
    double value;
  };
  const std::vector<Case> rejected = {
      {"adagrad", "lr", -1e-3},        {"adagrad", "lr_decay", -0.1},
      {"adagrad", "weight_decay", -1}, {"adagrad", "initial_accumulator_value", -0.5},
      {"adagrad", "eps", -1e-10},      {"rmsprop", "lr", -1},
      {"rmsprop", "alpha", -0.1},      {"rmsprop", "eps", -1e-8},
      {"rmsprop", "momentum", -0.9},   {"rmsprop", "weight_decay", -1},
      {"adam", "lr", -1e-3},           {"adam", "beta1", 1.0},
      {"adam", "beta1", -0.1},         {"adam", "beta2", 1.0},
      {"adam", "beta2", 1.5},          {"adam", "eps", -1e-8},
      {"adam", "weight_decay", -0.1},  {"adamw", "beta1", 1.0},
      {"adamw", "weight_decay", -0.1}, {"nadam", "beta2", 1.0},
      {"nadam", "momentum_decay", -1}, {"nadam", "lr", -1},
      {"radam", "beta1", 1.0},         {"radam", "eps", -1},
      {"adamax", "beta2", 1.0},        {"adamax", "weight_decay", -1},
      {"adadelta", "rho", 1.1},        {"adadelta", "rho", -0.1},
      {"adadelta", "lr", -1},          {"adadelta", "eps", -1e-6},
  };
  for (const Case& c : rejected) {
    CAPTURE(c.optimizer);
    CAPTURE(c.name);
    const auto optimizer = lv::make_optimizer(c.optimizer);
    try {
      optimizer->hyperparameters().set(c.name, c.value);
      FAIL("accepted");
    } catch (const lv::InputError& error) {
      CHECK(std::string(error.what()).find("'" + std::string(c.name) + "'") != std::string::npos);
    }
  }
}

TEST_CASE("edge values torch.optim accepts are accepted") {
  struct Case {
    const char* optimizer;
    const char* name;
    double value;
  };
  // beta = 0 and rho = 1 are inside PyTorch's closed bounds; RMSprop's alpha has no upper bound.
  const std::vector<Case> accepted = {{"adam", "beta1", 0.0},       {"adam", "beta2", 0.0},
                                      {"adam", "beta2", 0.9999999}, {"adadelta", "rho", 1.0},
                                      {"rmsprop", "alpha", 1.5},    {"adam", "lr", 0.0},
                                      {"adagrad", "eps", 0.0}};
  for (const Case& c : accepted) {
    CAPTURE(c.optimizer);
    CAPTURE(c.name);
    const auto optimizer = lv::make_optimizer(c.optimizer);
    CHECK_NOTHROW(optimizer->hyperparameters().set(c.name, c.value));
    CHECK_NOTHROW(optimizer->reset(lv::test::k_bowl_start));
  }
}

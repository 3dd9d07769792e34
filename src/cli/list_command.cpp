// lossviz-cli list functions|optimizers|schedules|datasets
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "functions/test_function.hpp"
#include "models/model_data.hpp"
#include "models/two_param_model.hpp"
#include "nn/dataset.hpp"
#include "optim/registry.hpp"
#include "schedule/schedule.hpp"

namespace lv::cli {

namespace {

void print_hyperparameters(const HyperParameters& parameters) {
  for (const HyperParameter& d : parameters.descriptors()) {
    std::printf("    %-28s %s\n", (d.name + "=" + parameters.to_text(d.name)).c_str(),
                d.help.c_str());
  }
}

void list_functions() {
  for (const TestFunction& function : test_functions()) {
    std::printf("%-18s %s\n", function.name.c_str(), function.description.c_str());
    std::printf("    f(x, y) = %s", function.formula.c_str());
    for (const FormulaParameter& parameter : function.parameters) {
      std::printf("   %s=%g", parameter.name.c_str(), parameter.value);
    }
    std::printf("\n");
  }
  std::printf("\nModels on data (--data DATA, --batch-size B; docs/two_param_models.md):\n");
  for (const TwoParamModelInfo& model : two_param_models()) {
    std::printf("%-18s %s\n", model.name.c_str(), model.description.c_str());
    std::printf("    loss = %s   default --data %s\n", model.loss.c_str(),
                model.default_data.c_str());
  }
  std::printf("\nData for the models (--data NAME[:k=v,...] or a CSV file with that header):\n");
  for (const ModelDataGeneratorInfo& info : model_data_generators()) {
    std::string columns;
    for (const std::string& name : info.columns.inputs) columns += name + ",";
    std::printf("%-18s %s; columns %s%s\n", (info.name + ":").c_str(), info.summary.c_str(),
                columns.c_str(), info.columns.target.c_str());
    print_hyperparameters(HyperParameters(info.options));
  }
}

void list_optimizers() {
  for (const OptimizerInfo& info : optimizer_registry()) {
    std::printf("%-18s %s\n", info.name.c_str(), info.summary.c_str());
    print_hyperparameters(info.make()->hyperparameters());
  }
}

void list_schedules() {
  for (const ScheduleInfo& info : schedule_registry()) {
    std::printf("%-22s %s\n", info.name.c_str(), info.summary.c_str());
    print_hyperparameters(info.make()->hyperparameters());
  }
}

void list_datasets() {
  for (const GeneratorInfo& info : dataset_generators()) {
    std::printf("%-22s %s\n", info.name.c_str(), info.summary.c_str());
    print_hyperparameters(HyperParameters(info.options));
  }
}

}  // namespace

int list_command(const Args& args) {
  if (args.size() != 1)
    throw InputError("usage: lossviz-cli list functions|optimizers|schedules|datasets");
  const std::string& what = args[0];
  if (what == "functions") {
    list_functions();
  } else if (what == "optimizers") {
    list_optimizers();
  } else if (what == "schedules") {
    list_schedules();
  } else if (what == "datasets") {
    list_datasets();
  } else {
    throw InputError("cannot list '" + what +
                     "': expected functions, optimizers, schedules or datasets");
  }
  return 0;
}

}  // namespace lv::cli

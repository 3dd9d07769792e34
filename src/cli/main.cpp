// lossviz-cli: the headless front end. Dispatches to one subcommand; bad usage or input prints
// one line on stderr and exits 2 (docs/architecture.md §4.1).
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"

namespace {

struct Command {
  const char* name;
  int (*run)(const lv::cli::Args&);
  const char* usage;
};

const Command k_commands[] = {
    {"list", lv::cli::list_command, "list functions|optimizers|schedules|datasets"},
    {"run", lv::cli::run_command,
     "run --function NAME | --expr \"FORMULA\" [--param k=v]... [--residuals \"r1; r2\"]\n"
     "        --optimizer NAME [--set k=v]... --start X,Y --steps N\n"
     "        [--schedule NAME [--sched-set k=v]...] [--clip-norm C] [--clip-value V]\n"
     "        [--noise SIGMA] [--seed S] [--tol T] [--constraint \"g <= 0\"]...\n"
     "        [--precision float64|float32|bfloat16|float16] [--data DATA [--batch-size B]]\n"
     "        [--out FILE.csv|FILE.json]\n"
     "  models on data: --function linear_regression|logistic_regression|neuron --data DATA\n"
     "  (a generator such as linear:n=200,noise=0.3,seed=1, or a CSV file); --batch-size 0 is\n"
     "  full batch; --seed seeds the shuffles (docs/two_param_models.md)"},
    {"lr-find", lv::cli::lr_find_command,
     "lr-find --function NAME | --expr \"FORMULA\" [--param k=v]... [--start X,Y]\n"
     "        | --model SPEC.json --data DATA [--seed S]\n"
     "        --optimizer NAME [--set k=v]... [--min-lr A] [--max-lr B] [--steps N] [--json]"},
    {"hessian", lv::cli::hessian_command,
     "hessian --function NAME | --expr \"FORMULA\" [--param k=v]... --at X,Y [--json]"},
    {"plot", lv::cli::plot_command,
     "plot (the selection of run; --optimizer may repeat)\n"
     "        | --surface FILE.h5 [--trajectory FILE.csv]...\n"
     "        --out FIG.png|svg|pdf [--dpi D] [--size WxH]\n"
     "        [--kind landscape|loss|grad-norm|combined] [--combined] [--levels N]\n"
     "        [--log-levels|--linear-levels] [--filled] [--label-levels] [--step-dots] [--title T]\n"
     "        [--colormap viridis|magma|cividis|coolwarm] [--xrange A:B] [--yrange A:B]\n"
     "        [--constraint \"g <= 0\"]... (drawn: infeasible side shaded, boundary white)"},
    {"compare", lv::cli::compare_command,
     "compare --function NAME | --expr \"FORMULA\" --optimizer NAME [--set k=v]... (repeat)\n"
     "        [--steps N | --evals N] [--starts N] [--xrange A:B --yrange A:B]\n"
     "        [--search grid|random] [--grid-points K] [--trials N] [--target LOSS]\n"
     "        [--noise SIGMA] [--seed S] [--threads T]\n"
     "        [--out FILE.csv|FILE.json] [--figure FIG.svg|png|pdf]"},
    {"train", lv::cli::train_command,
     "train --model SPEC.json --data DATA --optimizer NAME [--set k=v]... --epochs E\n"
     "        [--batch-size B] [--seed S] --out WEIGHTS.safetensors [--checkpoints DIR]\n"
     "        [--checkpoint-every K] [--schedule NAME [--sched-set k=v]...\n"
     "        [--schedule-step iteration|epoch]] [--validation F] [--patience P]\n"
     "        [--weight-decay L [--weight-decay-mode l2|decoupled]] [--dropout P]\n"
     "        [--clip-norm N] [--history HISTORY.csv]\n"
     "        [--sharpness-every K --sharpness-out SHARPNESS.csv]"},
    {"landscape", lv::cli::landscape_command,
     "landscape --model SPEC.json --weights W.safetensors --data DATA\n"
     "        [--dir-x DX.safetensors --dir-y DY.safetensors | --seed S --norm filter|layer|none\n"
     "         | --hessian-directions]\n"
     "        [--xrange -1:1 --yrange -1:1] --resolution N [--1d] --out SURFACE.h5|.csv\n"
     "        [--include-bias] [--pca CHECKPOINT_DIR] [--threads T]\n"
     "        [--interpolate-to W2.safetensors [--bezier-epochs E] [--bezier-lr LR]]"},
    {"spectrum", lv::cli::spectrum_command,
     "spectrum --model SPEC.json --weights W.safetensors --data DATA [--top-k K] [--trace]\n"
     "        [--trace-method hutchinson|hutch++] [--density] [--json] [--probes P] [--seed S]\n"
     "        [--per-layer] [--tol T]\n"
     "        [--sharpness eps=E[,steps=N]] [--sam-rho R]"},
};

void print_usage(std::FILE* stream) {
  std::fprintf(stream, "usage: lossviz-cli COMMAND [FLAGS]\n\ncommands:\n");
  for (const Command& command : k_commands) std::fprintf(stream, "  %s\n", command.usage);
}

bool is_help(std::string_view argument) {
  return argument == "--help" || argument == "-h" || argument == "help";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  const std::string_view first = argv[1];
  const bool help = is_help(first);
  if (help && argc == 2) {
    print_usage(stdout);
    return 0;
  }
  // "help COMMAND" and "COMMAND --help" print that command's usage.
  const std::string_view name = help ? argv[2] : first;
  const bool command_help = help || (argc == 3 && is_help(argv[2]));
  const lv::cli::Args args(argv + 2, argv + argc);
  for (const Command& command : k_commands) {
    if (name != command.name) continue;
    if (command_help) {
      std::printf("usage: lossviz-cli %s\n", command.usage);
      return 0;
    }
    try {
      return command.run(args);
    } catch (const lv::InputError& error) {
      std::fprintf(stderr, "lossviz-cli %s: error: %s\n", command.name, error.what());
      return 2;
    } catch (const std::exception& error) {
      std::fprintf(stderr, "lossviz-cli %s: internal error: %s\n", command.name, error.what());
      return 1;
    }
  }
  std::vector<std::string> names;
  for (const Command& command : k_commands) names.emplace_back(command.name);
  const auto suggestion = lv::closest_match(name, names);
  std::fprintf(stderr, "lossviz-cli: error: unknown command '%s'%s; try 'lossviz-cli --help'\n",
               std::string(name).c_str(),
               suggestion ? (" (did you mean '" + *suggestion + "'?)").c_str() : "");
  return 2;
}

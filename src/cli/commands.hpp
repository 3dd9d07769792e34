// One function per lossviz-cli subcommand (one file each). Each takes the arguments after the
// subcommand name, returns the exit code, and throws InputError for bad usage or input.
#pragma once

#include <string>
#include <vector>

namespace lv::cli {

using Args = std::vector<std::string>;

int list_command(const Args& args);
int run_command(const Args& args);
int hessian_command(const Args& args);
int plot_command(const Args& args);
int compare_command(const Args& args);
int train_command(const Args& args);
int lr_find_command(const Args& args);
int landscape_command(const Args& args);
int spectrum_command(const Args& args);

}  // namespace lv::cli

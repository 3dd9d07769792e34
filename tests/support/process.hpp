// Runs a command line and captures its exit code, stdout and stderr (for CLI tests).
#pragma once

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace lv::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream file(path);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

// `command` is passed to /bin/sh; stderr is captured through a temporary file.
inline ProcessResult run_process(const std::string& command) {
  const std::string err_path = "/tmp/lossviz-test-stderr-" + std::to_string(::getpid());
  ProcessResult result;
  std::FILE* pipe = ::popen((command + " 2>" + err_path).c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = slurp(err_path);
  std::remove(err_path.c_str());
  return result;
}

inline std::string cli(const std::string& arguments) {
  return std::string(LOSSVIZ_CLI_PATH) + " " + arguments;
}

}  // namespace lv::test

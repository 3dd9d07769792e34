// Scratch file names for tests: under /tmp and unique to the test process (ctest runs the test
// programs in parallel), so two programs never read or remove each other's files.
#pragma once

#include <unistd.h>

#include <string>

namespace lv::test {

inline std::string temp_path(const std::string& name) {
  return "/tmp/lossviz-test-" + std::to_string(::getpid()) + "-" + name;
}

}  // namespace lv::test

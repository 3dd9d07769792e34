// Fuzz target: trajectory CSV files as `lossviz-cli run` writes them (read back by plot).
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "io/trajectory_csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)lv::parse_trajectory_csv(std::string(reinterpret_cast<const char*>(data), size),
                                   "fuzz.csv");
  } catch (const lv::InputError&) {
  }
  return 0;
}

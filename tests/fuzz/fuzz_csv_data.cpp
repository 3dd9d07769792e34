// Fuzz target: CSV data sets (header, features first, target last) and data arguments.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "nn/dataset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const lv::Dataset dataset = lv::parse_csv_dataset(text, "fuzz.csv");
    (void)lv::split_dataset(dataset, 0.25, 1);
  } catch (const lv::InputError&) {
  }
  return 0;
}

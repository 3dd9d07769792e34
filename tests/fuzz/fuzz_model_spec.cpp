// Fuzz target: model spec JSON (layers, sizes, loss). Must give a spec or an InputError; sizes
// beyond the limits are errors before anything is allocated.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/errors.hpp"
#include "nn/model_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const lv::ModelSpec spec =
        lv::parse_model_spec(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    (void)lv::model_spec_json(spec);
  } catch (const lv::InputError&) {
  }
  return 0;
}

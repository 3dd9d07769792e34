// Fuzz target: the safetensors reader on arbitrary bytes (header length, JSON header, dtypes,
// shapes and offsets). Must return tensors or throw InputError naming the source.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/errors.hpp"
#include "files/safetensors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto tensors =
        lv::parse_safetensors(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    // Round trip what was read: the writer must accept anything the reader returns.
    (void)lv::safetensors_bytes(tensors);
  } catch (const lv::InputError&) {
  }
  return 0;
}

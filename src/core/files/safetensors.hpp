// safetensors files (huggingface/safetensors format): 8-byte little-endian header length, a JSON
// header {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}, then
// the raw little-endian data. F32 and F64 are read; F32 is written (as torch's save_file does for
// float32 state dicts). Every fault in a file is an InputError naming the file and the fault.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lv {

struct NamedTensor {
  std::string name;
  std::vector<int64_t> shape;
  std::vector<double> values;  // row-major, shape's product entries
};

// Parses the bytes of a whole file; `source` prefixes every error.
std::vector<NamedTensor> parse_safetensors(std::string_view bytes, const std::string& source);
std::vector<NamedTensor> read_safetensors(const std::string& path);

// The file bytes with every tensor as F32, in the given order.
std::string safetensors_bytes(const std::vector<NamedTensor>& tensors);
// Writes via a temporary file + rename.
void write_safetensors(const std::string& path, const std::vector<NamedTensor>& tensors);

}  // namespace lv

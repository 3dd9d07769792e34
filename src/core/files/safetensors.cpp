#include "files/safetensors.hpp"

#include <cstring>
#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "files/atomic_file.hpp"

namespace lv {

namespace {

constexpr size_t k_length_bytes = 8;

uint64_t read_little_endian_u64(std::string_view bytes) {
  uint64_t value = 0;
  for (size_t i = 0; i < k_length_bytes; ++i) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  }
  return value;
}

std::string shape_text(const std::vector<int64_t>& shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

std::vector<int64_t> parse_shape(const nlohmann::json& entry, const std::string& where) {
  if (!entry.contains("shape") || !entry["shape"].is_array()) {
    throw InputError(where + ": missing \"shape\" array");
  }
  std::vector<int64_t> shape;
  for (const nlohmann::json& extent : entry["shape"]) {
    if (!extent.is_number_integer() || extent.get<int64_t>() < 0) {
      throw InputError(where + ": shape entries must be non-negative integers, got " +
                       entry["shape"].dump());
    }
    shape.push_back(extent.get<int64_t>());
  }
  return shape;
}

size_t element_size(const nlohmann::json& entry, const std::string& where) {
  if (!entry.contains("dtype") || !entry["dtype"].is_string()) {
    throw InputError(where + ": missing \"dtype\" string");
  }
  const std::string dtype = entry["dtype"].get<std::string>();
  if (dtype == "F32") return 4;
  if (dtype == "F64") return 8;
  throw InputError(where + ": unsupported dtype '" + dtype + "' (F32 and F64 are read)");
}

std::pair<uint64_t, uint64_t> parse_offsets(const nlohmann::json& entry, const std::string& where,
                                            uint64_t data_size) {
  const nlohmann::json* offsets = entry.contains("data_offsets") ? &entry["data_offsets"] : nullptr;
  if (!offsets || !offsets->is_array() || offsets->size() != 2 ||
      !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned()) {
    throw InputError(where + ": \"data_offsets\" must be two non-negative integers [begin, end]");
  }
  const uint64_t begin = (*offsets)[0].get<uint64_t>();
  const uint64_t end = (*offsets)[1].get<uint64_t>();
  if (begin > end || end > data_size) {
    throw InputError(where + ": data_offsets " + offsets->dump() +
                     " out of range (the data section has " + std::to_string(data_size) +
                     " bytes)");
  }
  return {begin, end};
}

NamedTensor parse_tensor(const std::string& name, const nlohmann::json& entry,
                         std::string_view data, const std::string& source) {
  const std::string where = source + ": tensor '" + name + "'";
  if (!entry.is_object()) throw InputError(where + ": expected an object");
  const size_t size = element_size(entry, where);
  NamedTensor tensor{name, parse_shape(entry, where), {}};
  const auto [begin, end] = parse_offsets(entry, where, data.size());
  // The element and byte counts are checked for overflow: a shape whose product wraps around
  // could otherwise match a small data span and ask for an impossible allocation.
  uint64_t count = 1;
  bool overflow = false;
  for (int64_t extent : tensor.shape) {
    overflow |= __builtin_mul_overflow(count, static_cast<uint64_t>(extent), &count);
  }
  uint64_t byte_count = 0;
  overflow |= __builtin_mul_overflow(count, static_cast<uint64_t>(size), &byte_count);
  if (overflow) {
    throw InputError(where + ": shape " + shape_text(tensor.shape) +
                     " has more elements than any file can hold");
  }
  if (byte_count != end - begin) {
    throw InputError(where + ": shape " + shape_text(tensor.shape) + " needs " +
                     std::to_string(byte_count) + " bytes but data_offsets span " +
                     std::to_string(end - begin));
  }
  tensor.values.resize(count);
  const char* bytes = data.data() + begin;
  for (uint64_t i = 0; i < count; ++i) {
    if (size == 4) {
      float value;
      std::memcpy(&value, bytes + 4 * i, 4);
      tensor.values[i] = value;
    } else {
      std::memcpy(&tensor.values[i], bytes + 8 * i, 8);
    }
  }
  return tensor;
}

}  // namespace

std::vector<NamedTensor> parse_safetensors(std::string_view bytes, const std::string& source) {
  if (bytes.size() < k_length_bytes) {
    throw InputError(source + ": truncated: " + std::to_string(bytes.size()) +
                     " bytes, too short for the 8-byte header length");
  }
  const uint64_t header_size = read_little_endian_u64(bytes);
  if (header_size > bytes.size() - k_length_bytes) {
    throw InputError(source + ": truncated: the header claims " + std::to_string(header_size) +
                     " bytes but only " + std::to_string(bytes.size() - k_length_bytes) +
                     " follow");
  }
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(bytes.substr(k_length_bytes, header_size));
  } catch (const nlohmann::json::exception& error) {
    throw InputError(source + ": the header is not valid JSON (" + error.what() + ")");
  }
  if (!header.is_object()) throw InputError(source + ": the header must be a JSON object");
  const std::string_view data = bytes.substr(k_length_bytes + header_size);
  std::vector<NamedTensor> tensors;
  for (const auto& [name, entry] : header.items()) {
    if (name == "__metadata__") continue;
    tensors.push_back(parse_tensor(name, entry, data, source));
  }
  return tensors;
}

std::vector<NamedTensor> read_safetensors(const std::string& path) {
  return parse_safetensors(read_file(path), path);
}

std::string safetensors_bytes(const std::vector<NamedTensor>& tensors) {
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  header["__metadata__"] = {{"format", "pt"}};
  std::string data;
  for (const NamedTensor& tensor : tensors) {
    const size_t begin = data.size();
    for (double value : tensor.values) {
      const float narrow = static_cast<float>(value);
      data.append(reinterpret_cast<const char*>(&narrow), sizeof narrow);
    }
    header[tensor.name] = {
        {"dtype", "F32"}, {"shape", tensor.shape}, {"data_offsets", {begin, data.size()}}};
  }
  std::string header_text = header.dump();
  // Pad with spaces so the data section starts 8-byte aligned (as the reference writer does).
  header_text.append((k_length_bytes - header_text.size() % k_length_bytes) % k_length_bytes, ' ');
  std::string bytes(k_length_bytes, '\0');
  for (size_t i = 0; i < k_length_bytes; ++i) {
    bytes[i] = static_cast<char>((static_cast<uint64_t>(header_text.size()) >> (8 * i)) & 0xff);
  }
  return bytes + header_text + data;
}

void write_safetensors(const std::string& path, const std::vector<NamedTensor>& tensors) {
  write_file_atomically(path, safetensors_bytes(tensors));
}

}  // namespace lv

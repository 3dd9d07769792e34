// safetensors reading/writing checked against hand-built files in the published layout
// (huggingface/safetensors README: u64 little-endian header size, JSON header, raw data), and every
// malformed-file fault giving an error that names the file and the fault.
#include <doctest/doctest.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "files/safetensors.hpp"
#include "nn/network_weights.hpp"
#include "text_checks.hpp"

using namespace lv;

using lv::test::contains;

namespace {

std::string with_length(const std::string& header, const std::string& data) {
  std::string bytes(8, '\0');
  const uint64_t size = header.size();
  std::memcpy(bytes.data(), &size, 8);  // x86 is little-endian, as the format requires
  return bytes + header + data;
}

std::string f64_bytes(std::initializer_list<double> values) {
  std::string data;
  for (double v : values) data.append(reinterpret_cast<const char*>(&v), 8);
  return data;
}

std::string error_of(const std::string& bytes) {
  try {
    parse_safetensors(bytes, "w.safetensors");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("reads an F64 tensor from a hand-built file") {
  const std::string bytes =
      with_length(R"({"a":{"dtype":"F64","shape":[2,2],"data_offsets":[0,32]}})",
                  f64_bytes({1.5, -2, 3.25, 4}));
  const auto tensors = parse_safetensors(bytes, "hand");
  REQUIRE(tensors.size() == 1);
  CHECK(tensors[0].name == "a");
  CHECK(tensors[0].shape == std::vector<int64_t>{2, 2});
  CHECK(tensors[0].values == std::vector<double>{1.5, -2, 3.25, 4});
}

TEST_CASE("writes F32 in the published layout and reads it back") {
  const std::vector<NamedTensor> tensors = {{"0.weight", {2, 3}, {1, 2, 3, 4, 5, 6.5}},
                                            {"0.bias", {2}, {0.25, -1}}};
  const std::string bytes = safetensors_bytes(tensors);
  uint64_t header_size = 0;
  std::memcpy(&header_size, bytes.data(), 8);
  CHECK((8 + header_size) % 8 == 0);  // data section aligned
  const auto header = nlohmann::json::parse(bytes.substr(8, header_size));
  CHECK(header["0.weight"]["dtype"] == "F32");
  CHECK(header["0.weight"]["data_offsets"] == nlohmann::json::array({0, 24}));
  CHECK(header["0.bias"]["data_offsets"] == nlohmann::json::array({24, 32}));
  float first = 0;
  std::memcpy(&first, bytes.data() + 8 + header_size, 4);
  CHECK(first == 1.0f);
  const auto back = parse_safetensors(bytes, "round trip");
  REQUIRE(back.size() == 2);
  for (const NamedTensor& tensor : back) {
    const NamedTensor& original = tensor.name == "0.weight" ? tensors[0] : tensors[1];
    CHECK(tensor.shape == original.shape);
    CHECK(tensor.values == original.values);  // all exactly representable in float32
  }
}

TEST_CASE("malformed files give an error naming the file and the fault") {
  const std::string good_header = R"({"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}})";
  const std::string data = f64_bytes({1, 2});
  CHECK(contains(error_of("abc"), "w.safetensors: truncated"));
  CHECK(contains(error_of(with_length(good_header, data).substr(0, 20)), "truncated"));
  CHECK(contains(error_of(with_length("{not json", "")), "not valid JSON"));
  CHECK(contains(error_of(with_length("[1,2]", "")), "must be a JSON object"));
  CHECK(contains(
      error_of(with_length(R"({"a":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}})", data)),
      "unsupported dtype 'I64'"));
  CHECK(contains(
      error_of(with_length(R"({"a":{"dtype":"F64","shape":[3],"data_offsets":[0,16]}})", data)),
      "shape [3] needs 24 bytes but data_offsets span 16"));
  CHECK(contains(
      error_of(with_length(R"({"a":{"dtype":"F64","shape":[2],"data_offsets":[8,24]}})", data)),
      "out of range"));
  CHECK(contains(
      error_of(with_length(R"({"a":{"dtype":"F64","shape":[2],"data_offsets":[16,0]}})", data)),
      "out of range"));
  CHECK(contains(
      error_of(with_length(R"({"a":{"dtype":"F64","shape":[-2],"data_offsets":[0,16]}})", data)),
      "non-negative"));
  CHECK(contains(error_of(with_length(R"({"a":{"dtype":"F64","data_offsets":[0,16]}})", data)),
                 "missing \"shape\""));
  CHECK(contains(error_of(with_length(R"({"a":{"dtype":"F64","shape":[2]}})", data)),
                 "data_offsets"));
  CHECK(error_of(with_length(good_header, data)).empty());
}

TEST_CASE("a shape whose element or byte count wraps around 2^64 is an error, not an allocation") {
  const std::string data = f64_bytes({1});
  // 2^61 + 1 elements of 8 bytes: the byte count wraps to exactly the 8 bytes present.
  CHECK(contains(error_of(with_length(
                     R"({"a":{"dtype":"F64","shape":[2305843009213693953],"data_offsets":[0,8]}})",
                     data)),
                 "more elements than any file can hold"));
  CHECK(contains(
      error_of(with_length(
          R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,2],"data_offsets":[0,8]}})",
          data)),
      "more elements than any file can hold"));
}

TEST_CASE("network weights use torch's state_dict names and reject wrong shapes or names") {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 3}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 3, 1}};
  const Mlp mlp(spec);
  Vec w = Vec::LinSpaced(mlp.parameter_count(), 0.0, 12.0);
  const auto tensors = parameters_to_tensors(mlp, w);
  REQUIRE(tensors.size() == 4);
  CHECK(tensors[0].name == "0.weight");
  CHECK(tensors[0].shape == std::vector<int64_t>{3, 2});
  CHECK(tensors[2].name == "2.weight");
  CHECK(tensors[3].name == "2.bias");
  CHECK(parameters_from_tensors(mlp, tensors, "w") == w);

  auto wrong_shape = tensors;
  wrong_shape[0].shape = {2, 3};
  CHECK_THROWS_WITH_AS(parameters_from_tensors(mlp, wrong_shape, "w.safetensors"),
                       "w.safetensors: tensor '0.weight' has shape [2,3] but the model needs [3,2]",
                       InputError);
  auto missing = tensors;
  missing.pop_back();
  CHECK_THROWS_WITH_AS(parameters_from_tensors(mlp, missing, "w.safetensors"),
                       "w.safetensors: missing tensor '2.bias' with shape [1]", InputError);
  auto extra = tensors;
  extra.push_back({"4.weight", {1}, {0}});
  CHECK_THROWS_AS(parameters_from_tensors(mlp, extra, "w.safetensors"), InputError);
}

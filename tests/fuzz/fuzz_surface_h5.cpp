// Fuzz target: the loss-landscape HDF5 reader. The HDF5 binary format itself is parsed by
// libhdf5, which this project does not own, so the input is structure-aware: the bytes choose
// which datasets exist, their ranks, shapes, element types and values; a valid HDF5 file with
// that content is written and read back through read_surface_h5 / read_surface_h5_series.
#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "io/surface_h5_reader.hpp"

namespace {

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t byte() { return position_ < size_ ? data_[position_++] : 0; }
  double number() {
    double value = 0.0;
    uint8_t bytes[sizeof value] = {};
    for (uint8_t& b : bytes) b = byte();
    std::memcpy(&value, bytes, sizeof value);
    return value;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t position_ = 0;
};

void write_dataset(hid_t file, const char* name, ByteReader& input) {
  const int rank = input.byte() % 4;  // 0 (scalar) .. 3
  hsize_t dims[3] = {1, 1, 1};
  hsize_t count = 1;
  for (int i = 0; i < rank; ++i) {
    dims[i] = input.byte() % 9;  // 0..8, empty dimensions included
    count *= dims[i];
  }
  const bool as_float = input.byte() & 1;
  const bool as_integer = input.byte() % 5 == 0;
  std::vector<double> values(count);
  for (double& v : values) v = input.number();
  const hid_t space = rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, dims, nullptr);
  const hid_t type =
      as_integer ? H5T_NATIVE_INT : (as_float ? H5T_NATIVE_FLOAT : H5T_NATIVE_DOUBLE);
  const hid_t set = H5Dcreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  if (set >= 0 && count > 0) {
    // Converting an out-of-range double is undefined behaviour: clamp for the narrow types.
    std::vector<int> integers(count);
    std::vector<float> floats(count);
    for (size_t i = 0; i < count; ++i) {
      const bool moderate = std::isfinite(values[i]) && std::abs(values[i]) < 1e9;
      integers[i] = moderate ? static_cast<int>(values[i]) : 0;
      floats[i] = std::isnan(values[i]) ? std::nanf("")
                                        : static_cast<float>(std::clamp(values[i], -3e38, 3e38));
    }
    const void* buffer = as_integer ? static_cast<const void*>(integers.data())
                                    : (as_float ? static_cast<const void*>(floats.data())
                                                : static_cast<const void*>(values.data()));
    H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
  }
  if (set >= 0) H5Dclose(set);
  H5Sclose(space);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/lossviz-fuzz-surface-" + std::to_string(::getpid()) + ".h5";
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  ByteReader input(data, size);
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (file < 0) return 0;
  const uint8_t present = input.byte();
  const char* const names[] = {"xcoordinates", "ycoordinates", "train_loss", "train_acc",
                               "trajectory_x"};
  for (int i = 0; i < 5; ++i) {
    if (present & (1u << i)) write_dataset(file, names[i], input);
  }
  H5Fclose(file);
  try {
    (void)lv::read_surface_h5(path);
  } catch (const lv::InputError&) {
  }
  try {
    (void)lv::read_surface_h5_series(path, "trajectory_x");
  } catch (const lv::InputError&) {
  }
  std::remove(path.c_str());
  return 0;
}

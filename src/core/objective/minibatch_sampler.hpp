// lv::MiniBatchSampler: the order in which a mini-batch run visits the samples, as PyTorch's
// DataLoader(shuffle=True, drop_last=False) does: each epoch a seeded shuffle of 0..n-1, cut into
// consecutive batches of `batch_size`, the last one smaller when n is not a multiple.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace lv {

class MiniBatchSampler {
 public:
  // batch_size in [1, sample_count]; the seed fixes every epoch's order.
  MiniBatchSampler(int sample_count, int batch_size, uint64_t seed);

  // The next batch (valid until the next call); a new epoch starts with a new shuffle.
  std::span<const int> next();
  // The epoch (0-based) of the batch next() returned last (0 before the first call).
  int epoch() const { return epoch_; }
  int batches_per_epoch() const {
    return (static_cast<int>(order_.size()) + batch_size_ - 1) / batch_size_;
  }

 private:
  void shuffle();

  std::vector<int> order_;
  int batch_size_;
  std::mt19937_64 generator_;
  int epoch_ = 0;
  int position_ = -1;  // start of the next batch in order_; -1 before the first epoch
};

}  // namespace lv

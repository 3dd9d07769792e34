#include "objective/minibatch_sampler.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace lv {

MiniBatchSampler::MiniBatchSampler(int sample_count, int batch_size, uint64_t seed)
    : order_(static_cast<size_t>(sample_count)), batch_size_(batch_size), generator_(seed) {
  assert(sample_count > 0 && batch_size >= 1 && batch_size <= sample_count &&
         "MiniBatchSampler: batch size must lie in [1, sample_count]");
}

// Fisher–Yates with the generator's raw output (not std::shuffle, whose algorithm differs between
// standard libraries), so a seed gives the same batches on every platform.
void MiniBatchSampler::shuffle() {
  std::iota(order_.begin(), order_.end(), 0);
  for (size_t i = order_.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(generator_() % i);
    std::swap(order_[i - 1], order_[j]);
  }
}

std::span<const int> MiniBatchSampler::next() {
  const int n = static_cast<int>(order_.size());
  if (position_ < 0 || position_ >= n) {
    if (position_ >= n) ++epoch_;
    shuffle();
    position_ = 0;
  }
  const int size = std::min(batch_size_, n - position_);
  const std::span<const int> batch(order_.data() + position_, static_cast<size_t>(size));
  position_ += size;
  return batch;
}

}  // namespace lv

#include "compare/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace lv {

long parallel_for(long count, int threads, const std::function<void(long)>& job,
                  const std::function<void(long, long)>& progress,
                  const std::atomic<bool>* cancel) {
  if (count <= 0) return 0;
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const long workers = std::min<long>(count, threads > 0 ? threads : static_cast<long>(hardware));
  std::atomic<long> next{0};
  std::atomic<bool> failed{false};
  long done = 0;
  std::mutex mutex;
  std::exception_ptr first_error;
  const auto stopped = [&] { return failed || (cancel && cancel->load()); };
  auto work = [&] {
    for (long i = next++; i < count && !stopped(); i = next++) {
      try {
        job(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
        return;
      }
      const std::lock_guard<std::mutex> lock(mutex);
      ++done;
      if (progress) progress(done, count);
    }
  };
  std::vector<std::thread> pool;
  for (long t = 1; t < workers; ++t) pool.emplace_back(work);
  work();  // the calling thread works too
  for (std::thread& thread : pool) thread.join();
  if (first_error) std::rethrow_exception(first_error);
  return done;
}

}  // namespace lv

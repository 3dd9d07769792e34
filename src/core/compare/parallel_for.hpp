// A minimal thread pool for independent jobs: `threads` std::threads pull job indices from an
// atomic counter until all are done. The first exception a job throws is rethrown after every
// thread has joined (the remaining jobs are skipped); a cancel flag skips them too.
#pragma once

#include <atomic>
#include <functional>

namespace lv {

// Runs job(i) for i in [0, count). threads <= 0: one per hardware thread. `progress(done,
// count)` (optional) is called after each job, serialised by a mutex. Once `*cancel` (optional)
// is true no further job starts; the running ones finish. Returns the number of jobs that ran.
long parallel_for(long count, int threads, const std::function<void(long)>& job,
                  const std::function<void(long, long)>& progress = {},
                  const std::atomic<bool>* cancel = nullptr);

}  // namespace lv

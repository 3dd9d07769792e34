#include "undo_history.hpp"

#include <algorithm>
#include <utility>

namespace lv::app {

UndoHistory::UndoHistory(size_t capacity) : capacity_(std::max<size_t>(capacity, 2)) {}

bool UndoHistory::record(std::string snapshot) {
  if (snapshots_.empty()) {
    snapshots_.push_back(std::move(snapshot));
    current_ = 0;
    return false;
  }
  if (snapshot == snapshots_[current_]) return false;
  snapshots_.erase(snapshots_.begin() + static_cast<std::ptrdiff_t>(current_) + 1,
                   snapshots_.end());
  snapshots_.push_back(std::move(snapshot));
  if (snapshots_.size() > capacity_) snapshots_.pop_front();
  current_ = snapshots_.size() - 1;
  return true;
}

std::optional<std::string> UndoHistory::undo() {
  if (!can_undo()) return std::nullopt;
  return snapshots_[--current_];
}

std::optional<std::string> UndoHistory::redo() {
  if (!can_redo()) return std::nullopt;
  return snapshots_[++current_];
}

void UndoHistory::replace_current(std::string snapshot) {
  if (snapshots_.empty()) {
    record(std::move(snapshot));
    return;
  }
  snapshots_[current_] = std::move(snapshot);
}

void UndoHistory::clear() {
  snapshots_.clear();
  current_ = 0;
}

}  // namespace lv::app

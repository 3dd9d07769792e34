// Undo and redo for the scene: a bounded list of snapshots (the scene as JSON text, as
// capture_scene and scene_to_json give it) and the position of the state on show. GL-free; the
// app records a snapshot when an edit has ended and applies the one undo or redo returns.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>

namespace lv::app {

class UndoHistory {
 public:
  static constexpr size_t k_default_capacity = 200;  // snapshots kept (default: 200)

  explicit UndoHistory(size_t capacity = k_default_capacity);

  // Records the state on show. The first snapshot is the starting point; a later one that
  // differs from the current snapshot becomes a new undo step (returns true), drops the redo
  // steps and, past the capacity, the oldest snapshot.
  bool record(std::string snapshot);
  // Moves one step back (forward) and returns the snapshot to show; nothing at either end.
  std::optional<std::string> undo();
  std::optional<std::string> redo();
  // Replaces the current snapshot without making a step: what the state captures after an undo
  // applied it (numbers may come back rounded), so that the next record sees no change.
  void replace_current(std::string snapshot);

  bool can_undo() const { return current_ > 0; }
  bool can_redo() const { return current_ + 1 < snapshots_.size(); }
  size_t size() const { return snapshots_.size(); }
  void clear();

 private:
  size_t capacity_;
  std::deque<std::string> snapshots_;
  size_t current_ = 0;  // index of the snapshot on show (meaningless while empty)
};

}  // namespace lv::app

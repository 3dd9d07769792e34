// Files dropped onto the window, opened by their type: a scene (.json) loads, a loss surface
// (.h5/.hdf5) opens, weights (.safetensors) load into the Network panel's model, a data set
// (.csv) becomes the Network panel's data; anything else gets a message. GL-free: the window's
// drop callback only queues the paths, and the frame loop applies them here.
#pragma once

#include <string>

#include "app_state.hpp"

namespace lv::app {

enum class DropKind { Scene, Surface, Weights, Data, Folder, Unknown };

struct DropAction {
  DropKind kind = DropKind::Unknown;
  std::string path;
};

// By the extension (letter case ignored); a folder is a Folder whatever its name.
DropAction classify_dropped_file(const std::string& path);

// Carries the drop out on the state: scenes and surfaces become the load request the frame loop
// runs (as the Scenes panel's open), weights load at once, data fill in the Network panel's data
// field. What happened, or why nothing did, goes to ui.messages (shown over the picture).
void apply_dropped_file(AppState& state, const DropAction& action);

}  // namespace lv::app

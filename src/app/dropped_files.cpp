#include "dropped_files.hpp"

#include <filesystem>
#include <system_error>

#include "common/errors.hpp"
#include "file_listing.hpp"

namespace lv::app {

DropAction classify_dropped_file(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return {DropKind::Folder, path};
  if (has_extension(path, {".json"})) return {DropKind::Scene, path};
  if (has_extension(path, {".h5", ".hdf5"})) return {DropKind::Surface, path};
  if (has_extension(path, {".safetensors"})) return {DropKind::Weights, path};
  if (has_extension(path, {".csv"})) return {DropKind::Data, path};
  return {DropKind::Unknown, path};
}

void apply_dropped_file(AppState& state, const DropAction& action) {
  const std::string name = std::filesystem::path(action.path).filename().string();
  NetworkState& network = state.network;
  switch (action.kind) {
    case DropKind::Scene:
    case DropKind::Surface:
      state.ui.load_request = action.path;  // load_scene_file tells the two apart
      return;
    case DropKind::Weights:
      network.weights_path = action.path;
      network.reveal_frames = 3;
      try {
        network.session->load_weights(action.path);
        network.error.clear();
        state.ui.messages = {"loaded the weights " + name + " into the Network panel's model"};
      } catch (const InputError& error) {
        network.error = error.what();
        state.ui.messages = {"cannot load the weights " + name + ": " + error.what()};
      }
      return;
    case DropKind::Data:
      network.config.data = action.path;
      network.reveal_frames = 3;
      state.ui.messages = {"the Network panel's data is now " + name + " (press Train)"};
      return;
    case DropKind::Folder:
      state.ui.messages = {"cannot open the folder " + name +
                           ": drop a file (or use a \"...\" button to browse)"};
      return;
    case DropKind::Unknown:
      state.ui.messages = {"cannot open " + name +
                           ": lossviz opens scenes (.json), loss surfaces (.h5), weights "
                           "(.safetensors) and data (.csv)"};
      return;
  }
}

}  // namespace lv::app

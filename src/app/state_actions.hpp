// The operations panels, keys and scenes perform on AppState, kept GL-free: picking a function,
// parsing the formula editor, adding optimizers, re-running trajectories, fitting the value range,
// and mapping scenes (lv::Scene) onto the state and back.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app_state.hpp"
#include "io/scene.hpp"
#include "race_session.hpp"

namespace lv::app {

// Parses the constraints (empty rows skipped); on success they replace the set (the picture and
// the race follow), on failure constraint_error names the bad one and the last good set stays.
bool set_constraints(AppState& state, const std::vector<std::string>& texts);
// Selecting a built-in function also picks its default colour scale (default_log_scale).
void select_builtin_function(AppState& state, int index);
// Logistic regression and the neuron draw one formula term per sample: more would make the
// shaders slow to compile and to evaluate per pixel (docs/two_param_models.md).
constexpr int k_max_formula_samples = 400;
// Shows a two-parameter model fitted to `data` (a generator or CSV path): its loss formula, its
// view box. False (and function.data_error set) when the data does not load; the state is then
// unchanged.
bool select_two_param_model(AppState& state, const TwoParamModelInfo& info,
                            const std::string& data);
// The colour scale the function's values call for over its domain (lv::prefers_log_scale): log
// for Rosenbrock, Beale, Goldstein–Price; linear for bowls and egg crates.
bool default_log_scale(const AppState& state);
// Parses the editor text; on failure sets function.error and keeps the last good formula.
// Parameters keep their values where the new formula has the same names.
bool apply_formula_text(AppState& state);
void set_formula_parameter(AppState& state, int index, double value);

// The trajectory color a new optimizer slot number `index` gets.
std::array<float, 3> palette_color(size_t index);
// Adds the registered optimizer `name` at the selected function's recommended start.
void add_optimizer(AppState& state, const std::string& name);
void remove_optimizer(AppState& state, int index);
// Moves the start of one optimizer (or of all when `all`) to (x, y).
void drop_start_point(AppState& state, double x, double y, bool all);
// Whether the scene shows the Network panel's landscape instead of the test surface: asked to,
// and a 2D surface has been published.
bool network_landscape_shown(const AppState& state);
// A click on the scene at (x, y): drops start points on a test surface (drop_start_point); does
// nothing on a network landscape, whose coordinates are not the test surface's.
void click_scene(AppState& state, double x, double y, bool all);

// Re-runs every optimizer from its start; configuration errors go to the slot's `error`.
// The same in three parts for the worker thread (race_session.hpp): prepare_race copies what
// the race needs and records configuration errors, compute_race runs anywhere, install_race
// puts the trajectories (and per-run errors) into the state.
void rerun_trajectories(AppState& state);
RaceJob prepare_race(AppState& state);
void install_race(AppState& state, RaceResult&& result);
// What optimizers run on: the formula, with the built-in's least-squares form where it has one
// (so Gauss–Newton runs on Rosenbrock, Beale, ...).
std::shared_ptr<const Objective> race_objective(const FunctionState& function);
// The learning-rate range test (lv::find_learning_rate, 1e-6 … 10 over 100 updates) for slot
// `index` from its start on the current function; the result (or why it could not run) is kept
// on the slot for the Optimizers panel's plot.
void run_lr_finder(AppState& state, int index);
int last_step(const AppState& state);

// Fits the colormap range (and the curvature range) to the formula over the visible region.
void update_value_range(AppState& state, float viewport_width, float viewport_height);
// The function region a 2D viewport of the given size shows.
ViewBox visible_region(const View2D& view, float viewport_width, float viewport_height);
// The 2D view that shows the whole domain (or a loaded scene's region, once) in a viewport of the
// given size.
void home_view(AppState& state, float viewport_width, float viewport_height);

// f on the colormap's 0..1 scale, as lv_scaled in shaders/common.glsl computes it.
float scaled_value(const ViewState& view, double value);
// A function point lifted onto the 3D surface (world coordinates).
Vector3 surface_point(const AppState& state, double x, double y, double value);

// Applies a scene; returns the problems (unknown names, bad settings) while keeping the rest.
std::vector<std::string> apply_scene(AppState& state, const Scene& scene);
Scene capture_scene(const AppState& state);

// Undo (ui.undo): a snapshot is the captured scene as JSON, less the playback (time moving is no
// edit) and the network (re-applying it would start the training again).
std::string undo_snapshot(const AppState& state);
// Makes the state an undo step when it differs from the last snapshot (the frame loop calls it
// when no drag, slider or text edit is under way, so one drag is one step).
void record_undo_step(AppState& state);
// Shows the previous (next) snapshot, keeping the playback, the network, the selected optimizer
// and the messages; false when there is none.
bool undo_scene_change(AppState& state);
bool redo_scene_change(AppState& state);

}  // namespace lv::app

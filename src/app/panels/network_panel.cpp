// Network panel: pick a data set, build an MLP (hidden widths, activation), train it on a worker
// thread with any optimizer (live loss curve and decision regions), then compute its loss
// landscape (filter-normalized random plane, the PCA plane of the training path, or directions
// from files), the loss along the line between two weight vectors, or open a surface file. While
// it trains, the sharpness λmax can be tracked and plotted against the GD limit 2/lr, and the
// learning-rate slider steers the running training (the edge of stability, Cohen et al. 2021).
// The schedule and the regularizers (weight decay in the loss or decoupled, dropout, gradient
// clipping, early stopping with the kept-best epoch marked on the validation curve) are the
// CLI train's (nn/trainer.hpp).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/errors.hpp"
#include "optim/registry.hpp"
#include "panels/file_browser.hpp"
#include "panels/hyperparameter_widgets.hpp"
#include "panels/interpolation_plot.hpp"
#include "panels/line_plot.hpp"
#include "panels/panels.hpp"
#include "panels/plot_axes.hpp"

namespace lv::app {
namespace {

constexpr LayerType k_activations[] = {LayerType::Tanh, LayerType::Relu, LayerType::Sigmoid,
                                       LayerType::Gelu, LayerType::Softplus};

// The session's class colors (Okabe–Ito) as ImGui colors.
ImU32 class_color_u32(int index) {
  const auto rgb = class_color(index, false);
  return IM_COL32(rgb[0], rgb[1], rgb[2], 255);
}

// Runs a request that may be rejected, showing the rejection under the panel.
template <typename Action>
void attempt(NetworkState& network, Action&& action) {
  try {
    action();
    network.error.clear();
  } catch (const InputError& error) {
    network.error = error.what();
  }
}

void data_and_model(NetworkState& network) {
  NetworkConfig& config = network.config;
  if (ImGui::BeginCombo("data set", config.data.substr(0, config.data.find(':')).c_str())) {
    for (const GeneratorInfo& generator : dataset_generators()) {
      if (ImGui::Selectable(generator.name.c_str())) config.data = generator.name;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", generator.summary.c_str());
    }
    ImGui::EndCombo();
  }
  path_input("data", config.data, FileBrowserMode::Open, {".csv"});
  ImGui::InputText("hidden widths", &network.hidden_text);
  if (ImGui::BeginCombo("activation", layer_type_name(config.activation))) {
    for (const LayerType type : k_activations) {
      if (ImGui::Selectable(layer_type_name(type), type == config.activation))
        config.activation = type;
    }
    ImGui::EndCombo();
  }
  if (ImGui::BeginCombo("optimizer", config.optimizer.c_str())) {
    for (const OptimizerInfo& info : optimizer_registry()) {
      if (ImGui::Selectable(info.name.c_str(), info.name == config.optimizer))
        config.optimizer = info.name;
    }
    ImGui::EndCombo();
  }
  // Logarithmic: one drag covers 1e-4 … 10; Ctrl+click types a value. During training the new
  // rate takes effect from the next update.
  const double lr_low = 1e-4, lr_high = 10.0;
  if (ImGui::SliderScalar("learning rate", ImGuiDataType_Double, &config.learning_rate, &lr_low,
                          &lr_high, "%.4g", ImGuiSliderFlags_Logarithmic) &&
      config.learning_rate > 0.0) {
    network.session->set_learning_rate(config.learning_rate);
  }
  if (ImGui::IsItemHovered() && network.session->busy())
    ImGui::SetTooltip("changes the running training from its next update on");
  ImGui::InputInt("epochs", &config.epochs);
  ImGui::InputInt("batch size", &config.batch_size);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("0: the whole training set (full-batch GD)");
  ImGui::Checkbox("square loss (one-hot)", &config.mse);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "classification with the mean squared error on one-hot targets instead of "
        "cross-entropy (as Cohen et al. 2021 train)");
  ImGui::InputInt("sharpness every", &config.sharpness_every);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "updates between measurements of the Hessian's largest eigenvalue of the "
        "training loss (warm-started Lanczos, ~20 HVPs each); 0: off");
  ImGui::InputDouble("validation", &config.validation_fraction, 0.0, 0.0, "%.2f");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("fraction of the data held out for validation curves (0: none)");
}

// The schedule (any registered one, with its descriptor-built controls) and when it steps.
void schedule_controls(NetworkConfig& config) {
  const std::string current = config.schedule ? config.schedule->name() : "constant";
  if (ImGui::BeginCombo("schedule", current.c_str())) {
    for (const ScheduleInfo& info : schedule_registry()) {
      if (ImGui::Selectable(info.name.c_str(), info.name == current)) config.schedule = info.make();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", info.summary.c_str());
    }
    ImGui::EndCombo();
  }
  if (!config.schedule) return;
  draw_hyperparameter_widgets(config.schedule->hyperparameters());
  int step = static_cast<int>(config.schedule_step);
  ImGui::TextUnformatted("step the schedule per");
  ImGui::SameLine();
  ImGui::RadioButton("update", &step, 0);
  ImGui::SameLine();
  ImGui::RadioButton("epoch", &step, 1);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "scheduler.step() after every optimizer step (t counts updates) or after every "
        "epoch (t counts epochs), as torch training loops call it");
  config.schedule_step = static_cast<ScheduleStep>(step);
}

void regularization_controls(NetworkConfig& config) {
  if (!ImGui::TreeNodeEx("Schedule and regularizers", ImGuiTreeNodeFlags_DefaultOpen)) return;
  schedule_controls(config);
  ImGui::InputDouble("weight decay", &config.weight_decay, 0.0, 0.0, "%.3g");
  static constexpr const char* modes[] = {"L2 in the loss", "decoupled (optimizer's)"};
  int mode = static_cast<int>(config.weight_decay_mode);
  ImGui::Combo("decay as", &mode, modes, 2);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "L2: (lambda/2)|w|^2 joins the loss, so lambda w joins the gradient; decoupled: "
        "lambda is the optimizer's own weight_decay (AdamW: w <- w - lr lambda w)");
  config.weight_decay_mode = static_cast<WeightDecayMode>(mode);
  const double zero = 0.0, dropout_max = 0.9, clip_max = 100.0;
  ImGui::SliderScalar("dropout", ImGuiDataType_Double, &config.dropout, &zero, &dropout_max,
                      config.dropout > 0 ? "%.2f" : "off");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "inverted dropout after each hidden activation while training (zero with "
        "probability p, scale the rest by 1/(1-p)); losses, curvature and landscapes use none");
  ImGui::SliderScalar("clip grad norm", ImGuiDataType_Double, &config.clip_norm, &zero, &clip_max,
                      config.clip_norm > 0 ? "%.3g" : "off");
  ImGui::InputInt("patience", &config.patience);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "early stopping: stop after this many epochs without a lower validation loss and "
        "keep the best epoch's weights (needs a validation fraction); 0: off");
  ImGui::TreePop();
}

void progress_row(NetworkState& network) {
  const NetworkSnapshot& snapshot = network.snapshot;
  if (!network.session->busy()) return;
  ImGui::ProgressBar(static_cast<float>(snapshot.progress), ImVec2(-ImGui::GetFontSize() * 5, 0),
                     snapshot.task.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) network.session->cancel();
}

// The data as a scatter plot over the model's decision regions (classification) or its
// regression curve, drawn with the window's draw list.
void scatter_plot(NetworkState& network) {
  const Dataset& data = network.session->data();
  const DecisionRegions& regions = network.snapshot.regions;
  if (data.size() == 0 || regions.size == 0) return;
  const float side = ImGui::GetContentRegionAvail().x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(30, 30, 34, 255));
  const bool plane = data.features() == 2;
  double y_min = regions.y_min, height = regions.height;
  if (!plane) {  // regression on one feature: the vertical range holds targets and the curve
    const auto [low, high] = std::minmax_element(regions.values.begin(), regions.values.end());
    y_min = std::min(data.targets.minCoeff(), *low);
    height = std::max(std::max(data.targets.maxCoeff(), *high) - y_min, 1e-6);
    y_min -= 0.1 * height;
    height *= 1.2;
  }
  const auto to_screen = [&](double x, double y) {
    return ImVec2(origin.x + static_cast<float>((x - regions.x_min) / regions.width) * side,
                  origin.y + side - static_cast<float>((y - y_min) / height) * side);
  };
  if (plane) {
    // One texel per framebuffer pixel: the session evaluates the model at the size asked here.
    const float pixels = side * ImGui::GetIO().DisplayFramebufferScale.x;
    network.session->set_region_size(static_cast<int>(std::lround(pixels)));
    if (network.regions_texture != 0) {
      draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(network.regions_texture)),
                     origin, ImVec2(origin.x + side, origin.y + side));
    }
  } else {
    network.session->set_region_size(static_cast<int>(std::lround(side)));
    for (int i = 1; i < regions.size; ++i) {
      const double x0 = regions.x_min + (i - 0.5) * regions.width / regions.size;
      const double x1 = regions.x_min + (i + 0.5) * regions.width / regions.size;
      draw->AddLine(to_screen(x0, regions.values[static_cast<size_t>(i - 1)]),
                    to_screen(x1, regions.values[static_cast<size_t>(i)]),
                    IM_COL32(255, 200, 60, 255), 2.0f);
    }
  }
  // Training samples as dots, held-out validation samples as rings; the regions' box comes from
  // the training set, so a held-out sample outside it is clipped rather than drawn over the
  // curves above.
  draw->PushClipRect(origin, ImVec2(origin.x + side, origin.y + side), true);
  for (const Dataset* set : {&data, &network.session->validation()}) {
    for (int k = 0; k < set->size(); ++k) {
      const double y = plane ? set->inputs(1, k) : set->targets(0, k);
      const int label = set->is_classification() ? static_cast<int>(set->targets(0, k)) : 0;
      const ImVec2 at = to_screen(set->inputs(0, k), y);
      if (set == &data) {
        draw->AddCircleFilled(at, 2.5f, class_color_u32(label));
      } else {
        draw->AddCircle(at, 3.0f, class_color_u32(label), 0, 1.5f);
      }
    }
  }
  draw->PopClipRect();
}

// The loss per epoch on the training set and, when data are held out, on the validation set.
void loss_curve(const NetworkState& network) {
  const std::vector<EpochRecord>& history = network.snapshot.history;
  if (history.empty()) return;
  // Two lines of numbers above the curves.
  const float font = ImGui::GetFontSize();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, font * 6.5f);
  const ImVec2 corner = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  PlotAxes axes;
  axes.x_min = 1.0;
  axes.x_max = std::max(2.0, static_cast<double>(history.size()));
  axes.origin = ImVec2(corner.x + 2, corner.y + 2 * font + 6);
  axes.size = ImVec2(size.x - 4, size.y - 2 * font - 8);
  YRange range;
  for (const EpochRecord& record : history) {
    range.add(axes, record.train_loss);
    range.add(axes, record.validation_loss);  // NaN without a validation set: skipped
  }
  range.apply_to(axes);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(corner, ImVec2(corner.x + size.x, corner.y + size.y),
                      ImGui::GetColorU32(ImGuiCol_FrameBg));
  for (const auto& [column, color] :
       {std::pair(&EpochRecord::train_loss, k_train_color),
        std::pair(&EpochRecord::validation_loss, k_validation_color)}) {
    std::vector<ImVec2> points;
    for (size_t k = 0; k < history.size(); ++k) {
      const double loss = history[k].*column;
      if (std::isfinite(loss)) points.push_back(axes.to_screen(static_cast<double>(k + 1), loss));
    }
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), color, 0, 1.5f);
  }
  // Early stopping: the epoch whose weights are kept, a vertical line and a ring on the curve.
  const EpochRecord& last = history.back();
  if (last.best_epoch > 0 && last.best_epoch <= static_cast<int>(history.size())) {
    const EpochRecord& best = history[static_cast<size_t>(last.best_epoch - 1)];
    const ImVec2 at = axes.to_screen(static_cast<double>(best.epoch), best.validation_loss);
    draw->AddLine(ImVec2(at.x, axes.origin.y), ImVec2(at.x, axes.origin.y + axes.size.y),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), 1.0f);
    draw->AddCircle(at, 4.5f, k_validation_color, 0, 2.0f);
  }
  // The latest numbers, each in its curve's color.
  char text[96];
  std::snprintf(text, sizeof text, "epoch %d  train loss %.4f  acc %.3f", last.epoch,
                last.train_loss, last.train_accuracy);
  draw->AddText(ImVec2(corner.x + 4, corner.y + 2), k_train_color, text);
  if (!std::isfinite(last.validation_loss)) return;
  int length = std::snprintf(text, sizeof text, "validation loss %.4f  acc %.3f",
                             last.validation_loss, last.validation_accuracy);
  if (last.best_epoch > 0)
    std::snprintf(text + length, sizeof text - length, "  kept epoch %d", last.best_epoch);
  draw->AddText(ImVec2(corner.x + 4, corner.y + 2 + font), k_validation_color, text);
}

// The lr in force per epoch, once it has changed (a schedule, or the slider during training).
void learning_rate_plot(const NetworkState& network) {
  const std::vector<EpochRecord>& history = network.snapshot.history;
  const auto changed = [&](const EpochRecord& record) {
    return record.learning_rate != history.front().learning_rate;
  };
  if (std::none_of(history.begin(), history.end(), changed)) return;
  std::vector<double> epoch, learning_rate;
  for (const EpochRecord& record : history) {
    epoch.push_back(record.epoch);
    learning_rate.push_back(record.learning_rate);
  }
  LinePlotOptions options;
  options.x_min = epoch.front();
  options.x_max = epoch.back();
  options.x_name = "epoch";
  if (history.back().best_epoch > 0)
    options.x_markers = {{static_cast<double>(history.back().best_epoch), "kept"}};
  const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 6.0f);
  draw_line_plot("lr in force", {{&epoch, &learning_rate, k_train_color, "lr"}}, options, size);
}

// λmax of the training loss against the update, with each measurement's limit 2/lr dashed, and
// the training loss at the same updates below (Cohen et al. 2021, figure 1); for Adam-family runs
// also λmax(P⁻¹H) against its limit (2 + 2β1)/((1 − β1)·lr) (Cohen et al. 2022).
void sharpness_plot(const NetworkState& network) {
  const std::vector<SharpnessRecord>& records = network.snapshot.sharpness;
  if (records.empty()) return;
  std::vector<double> step, lambda, limit, loss, preconditioned, preconditioned_limit;
  bool adaptive = false;
  for (const SharpnessRecord& record : records) {
    step.push_back(static_cast<double>(record.step));
    lambda.push_back(record.lambda_max);
    limit.push_back(record.two_over_lr);
    loss.push_back(record.loss);
    preconditioned.push_back(record.preconditioned_lambda_max);
    preconditioned_limit.push_back(record.preconditioned_limit);
    adaptive = adaptive || std::isfinite(record.preconditioned_lambda_max);
  }
  const SharpnessRecord& last = records.back();
  ImGui::Text("lambda_max %.4g at step %ld", last.lambda_max, last.step);
  ImGui::TextDisabled("residual %.2g%s;  2/lr = %.4g", last.residual,
                      last.converged ? "" : ", not converged", last.two_over_lr);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "largest Hessian eigenvalue of the full training loss; plain GD on a "
        "quadratic diverges once it exceeds 2/lr");
  const std::vector<Series> sharpness = {{&step, &lambda, k_train_color, "lambda_max"},
                                         {&step, &limit, k_validation_color, "2/lr", true}};
  draw_legend(sharpness);
  LinePlotOptions options;
  options.x_min = step.front();
  options.x_max = std::max(step.back(), step.front() + 1.0);
  options.x_name = "step";
  const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 8.0f);
  draw_line_plot("sharpness", sharpness, options, size);
  if (adaptive) {
    const std::vector<Series> series = {
        {&step, &preconditioned, k_train_color, "lambda_max(P^-1 H)"},
        {&step, &preconditioned_limit, k_validation_color, "(2+2b1)/((1-b1) lr)", true}};
    draw_legend(series);
    draw_line_plot("preconditioned sharpness", series, options, size);
  }
  options.log_y = true;
  draw_line_plot("train loss", {{&step, &loss, k_train_color, "train"}}, options, size);
}

void landscape_controls(NetworkState& network) {
  LandscapeConfig& landscape = network.landscape;
  int plane = static_cast<int>(landscape.plane);
  ImGui::RadioButton("random (filter-norm.)", &plane, 0);
  ImGui::SameLine();
  ImGui::RadioButton("PCA of path", &plane, 1);
  ImGui::SameLine();
  ImGui::RadioButton("files", &plane, 2);
  ImGui::RadioButton("top Hessian eigenvectors", &plane, 3);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("the loss Hessian's top two eigenvectors at the weights (Lanczos)");
  landscape.plane = static_cast<LandscapePlane>(plane);
  if (landscape.plane == LandscapePlane::Files) {
    path_input("direction x", landscape.direction_x_path, FileBrowserMode::Open, {".safetensors"});
    path_input("direction y", landscape.direction_y_path, FileBrowserMode::Open, {".safetensors"});
  }
  ImGui::SliderInt("resolution", &landscape.resolution, 9, 101);
  if (landscape.plane != LandscapePlane::Pca)
    ImGui::InputDouble("range", &landscape.range, 0.0, 0.0, "%.3g");
  if (ImGui::Button("Compute landscape")) {
    attempt(network, [&] { network.session->start_landscape(landscape); });
    network.show_landscape = network.error.empty();
  }
  ImGui::SameLine();
  ImGui::Checkbox("show", &network.show_landscape);
  const std::vector<double>& eigenvalues = network.snapshot.hessian_eigenvalues;
  if (eigenvalues.size() == 2)
    ImGui::Text("Hessian eigenvalues: %.4g, %.4g", eigenvalues[0], eigenvalues[1]);
}

// ==== curvature of the weights

void curvature_results(NetworkState& network) {
  const CurvatureResult& result = network.snapshot.curvature;
  if (!result.valid) return;
  const TopEigenResult& top = result.top;
  ImGui::Text("on the %s set: Lanczos %s, %ld HVPs", result.set.c_str(),
              eigen_status_name(top.status), top.hessian_vector_products);
  const int columns = result.has_dense ? 4 : 3;
  if (top.values.size() > 0 &&
      ImGui::BeginTable("eigenvalues", columns,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("eigenvalue");
    ImGui::TableSetupColumn("residual");
    if (result.has_dense) ImGui::TableSetupColumn("dense");
    ImGui::TableHeadersRow();
    for (Eigen::Index i = 0; i < top.values.size(); ++i) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%ld", static_cast<long>(i + 1));
      ImGui::TableNextColumn();
      ImGui::Text("%.6g", top.values[i]);
      ImGui::TableNextColumn();
      ImGui::Text("%.2g", i < top.residuals.size() ? top.residuals[i] : 0.0);
      if (result.has_dense) {
        ImGui::TableNextColumn();
        if (i < result.dense_top.size()) ImGui::Text("%.6g", result.dense_top[i]);
      }
    }
    ImGui::EndTable();
  }
  if (top.values.size() > 0 && top.values[0] > 0.0)
    ImGui::Text("largest stable GD lr 2/lambda_max = %.4g", 2.0 / top.values[0]);
  if (!result.subsample_lambda_max.empty()) {
    const auto [low, high] =
        std::minmax_element(result.subsample_lambda_max.begin(), result.subsample_lambda_max.end());
    ImGui::Text("lambda_max on %d subsets of %d: %.4g .. %.4g",
                static_cast<int>(result.subsample_lambda_max.size()), result.subsample_size, *low,
                *high);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "the sharpness a mini-batch of that size would report: how far one "
          "batch's estimate can be from the whole set's");
  }
  if (result.has_trace) {
    ImGui::Text("trace %.6g +- %.2g (%s, %d HVPs)", result.trace.trace, result.trace.standard_error,
                result.trace_method.c_str(), result.trace.probes);
    if (result.has_dense) ImGui::TextDisabled("dense trace %.6g", result.dense_trace);
  }
  if (result.has_density && result.density.x.size() >= 2) {
    const SpectralDensity& density = result.density;
    ImGui::Checkbox("log density", &network.density_log_y);
    // On a log axis the Gaussian tails would stretch the range to 1e-300: floor them at 1e-6 of
    // the peak, which keeps every eigenvalue cluster of weight ≥ 1e-6 visible.
    std::vector<double> shown = density.density;
    const double peak = *std::max_element(shown.begin(), shown.end());
    if (network.density_log_y)
      for (double& value : shown) value = std::max(value, 1e-6 * peak);
    LinePlotOptions options;
    options.x_min = density.x.front();
    options.x_max = density.x.back();
    options.x_name = "eigenvalue";
    options.log_y = network.density_log_y;
    if (options.x_min < 0.0 && options.x_max > 0.0) options.x_markers = {{0.0, "0"}};
    const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 8.0f);
    draw_line_plot("spectral density (SLQ)", {{&density.x, &shown, k_train_color, "density"}},
                   options, size);
  }
  if (!result.layers.empty() &&
      ImGui::BeginTable("layers", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("block");
    ImGui::TableSetupColumn("top eigenvalue");
    ImGui::TableSetupColumn("trace");
    ImGui::TableHeadersRow();
    for (const BlockCurvature& layer : result.layers) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(layer.name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.5g", layer.top_eigenvalue);
      ImGui::TableNextColumn();
      if (layer.trace_standard_error > 0.0) {
        ImGui::Text("%.5g +- %.2g", layer.trace, layer.trace_standard_error);
      } else {
        ImGui::Text("%.5g", layer.trace);
      }
    }
    ImGui::EndTable();
  }
  if (result.has_sharpness) {
    ImGui::Text("epsilon-sharpness (eps %.3g): %.4g", result.epsilon_setting,
                result.epsilon.sharpness);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Keskar et al. 2017: 100 (max f in the eps box - f) / (1 + f)");
    ImGui::Text("SAM sharpness (rho %.3g): %.4g", result.sam_rho, result.sam.sharpness);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("L(w + rho g/|g|) - L(w), Foret et al. 2021");
  }
}

void curvature_controls(NetworkState& network) {
  if (network.open_curvature) ImGui::SetNextItemOpen(true);
  network.open_curvature = false;
  if (!ImGui::TreeNode("Curvature of the weights")) return;
  CurvatureConfig& config = network.curvature;
  int set = config.validation_set ? 1 : 0;
  ImGui::RadioButton("training set", &set, 0);
  ImGui::SameLine();
  ImGui::RadioButton("validation set", &set, 1);
  config.validation_set = set == 1;
  ImGui::SliderInt("top-k", &config.top_k, 1, 20);
  ImGui::Checkbox("trace", &config.trace);
  ImGui::SameLine();
  ImGui::Checkbox("density", &config.density);
  ImGui::SameLine();
  ImGui::Checkbox("per layer", &config.per_layer);
  ImGui::InputInt("probes", &config.probes);
  ImGui::SameLine();
  ImGui::Checkbox("Hutch++", &config.hutchpp);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Meyer et al. 2021: deflate the top of the spectrum first; the same HVPs "
        "give a smaller error when a few eigenvalues dominate");
  ImGui::InputInt("subsets for the spread", &config.subsamples);
  ImGui::Checkbox("sharpness", &config.sharpness);
  if (config.sharpness) {
    ImGui::InputDouble("epsilon", &config.epsilon, 0.0, 0.0, "%.3g");
    ImGui::InputDouble("SAM rho", &config.sam_rho, 0.0, 0.0, "%.3g");
  }
  const Mlp* model = network.session->model();
  const bool small = model && model->parameter_count() <= k_dense_check_parameter_limit;
  if (!small) config.dense_check = false;
  ImGui::BeginDisabled(!small);
  ImGui::Checkbox("check against the dense Hessian", &config.dense_check);
  ImGui::EndDisabled();
  if (ImGui::Button("Measure curvature"))
    attempt(network, [&] { network.session->start_curvature(config); });
  curvature_results(network);
  ImGui::TreePop();
}

// One end of the interpolation line: the initial or current weights, or a weights file.
void weights_source(const char* label, WeightsSource& source, std::string& path) {
  static constexpr const char* names[] = {"initial weights", "current weights", "weights file"};
  int index = static_cast<int>(source);
  ImGui::Combo(label, &index, names, 3);
  source = static_cast<WeightsSource>(index);
  if (source != WeightsSource::File) return;
  ImGui::PushID(label);
  path_input("file", path, FileBrowserMode::Open, {".safetensors"});
  ImGui::PopID();
}

void interpolation_controls(NetworkState& network) {
  if (!ImGui::TreeNodeEx("1D interpolation (Goodfellow et al.)", ImGuiTreeNodeFlags_DefaultOpen))
    return;
  InterpolationConfig& config = network.interpolation;
  weights_source("from (alpha=0)", config.from, config.from_path);
  weights_source("to (alpha=1)", config.to, config.to_path);
  double range[2] = {config.alpha_min, config.alpha_max};
  ImGui::InputScalarN("alpha range", ImGuiDataType_Double, range, 2, nullptr, nullptr, "%.3g");
  config.alpha_min = range[0];
  config.alpha_max = range[1];
  ImGui::SliderInt("points", &config.resolution, 5, 201);
  ImGui::Checkbox("Bezier curve", &config.bezier);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("also train a quadratic Bezier curve between the ends (Garipov et al. 2018)");
  if (config.bezier) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt("epochs##bezier", &config.bezier_epochs);
  }
  if (ImGui::Button("Interpolate"))
    attempt(network, [&] { network.session->start_interpolation(config); });
  ImGui::SameLine();
  ImGui::Checkbox("log loss", &network.interpolation_log_loss);
  draw_interpolation_plot(network.snapshot.interpolation, network.interpolation_log_loss);
  ImGui::TreePop();
}

void files(NetworkState& network) {
  // A file chosen in the browser loads (opens) at once, as the button beside the field does.
  const bool weights_chosen =
      path_input("weights", network.weights_path, FileBrowserMode::Open, {".safetensors"});
  ImGui::SameLine();
  if (ImGui::Button("Load") || weights_chosen)
    attempt(network, [&] { network.session->load_weights(network.weights_path); });
  const bool surface_chosen =
      path_input("surface .h5", network.surface_path, FileBrowserMode::Open, {".h5", ".hdf5"});
  if (ImGui::Button("Open") || surface_chosen) {
    attempt(network, [&] { network.session->open_surface(network.surface_path); });
    network.show_landscape = network.show_landscape || network.error.empty();
  }
  ImGui::SameLine();
  if (ImGui::Button("Save")) {
    attempt(network, [&] { network.session->save_surface(network.surface_path); });
    if (network.error.empty()) network.error = "saved " + network.surface_path;
  }
  const std::string& shown = network.snapshot.surface_file;
  if (!shown.empty()) ImGui::TextDisabled("showing %s", shown.c_str());
}

}  // namespace

void draw_network_panel(AppState& state) {
  NetworkState& network = state.network;
  // Revealing takes a few frames: the scroll limit follows the content of the previous frame.
  const bool expand = network.reveal_frames > 0;
  network.reveal_frames = std::max(0, network.reveal_frames - 1);
  if (expand) ImGui::SetNextItemOpen(true);
  if (!ImGui::CollapsingHeader("Network")) return;
  ImGui::PushID("network");
  data_and_model(network);
  regularization_controls(network.config);
  if (ImGui::Button("Train")) {
    attempt(network, [&] {
      network.config.hidden = parse_hidden_widths(network.hidden_text);
      network.session->start_training(network.config);
    });
  }
  ImGui::SameLine();
  progress_row(network);
  if (!network.session->busy()) ImGui::NewLine();
  // Tracking sharpness or early stopping: the curves are what the user came for, so they open at
  // the top.
  const bool tracking = network.config.sharpness_every > 0 || network.config.patience > 0;
  if (expand && tracking) ImGui::SetScrollHereY(0.0f);
  loss_curve(network);
  learning_rate_plot(network);
  sharpness_plot(network);
  scatter_plot(network);
  landscape_controls(network);
  curvature_controls(network);
  interpolation_controls(network);
  files(network);
  if (!network.snapshot.message.empty()) ImGui::TextWrapped("%s", network.snapshot.message.c_str());
  if (!network.error.empty()) ImGui::TextWrapped("%s", network.error.c_str());
  if (expand && !tracking) ImGui::SetScrollHereY(1.0f);  // the whole panel in sight
  ImGui::PopID();
}

}  // namespace lv::app

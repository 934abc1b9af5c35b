//===--- cli_learner.cpp - `gloss stats`, `gloss learned`, `gloss concepts` ===//
#include "cli_learner.h"

#include "atomic_file.h"
#include "cli_source.h"
#include "document_concepts.h"
#include "learner_state.h"
#include "line_index.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace gloss {
namespace {

using json = nlohmann::json;

LearnerState open_state(const std::string &state_file) {
  LearnerState state(state_file.empty() ? default_learner_state_file() : std::filesystem::path(state_file));
  for (const std::string &problem : state.load()) std::cerr << "gloss: " << problem << "\n";
  return state;
}

json counts_json(const TipRecord &record) {
  return {{"shown", record.shown},     {"explained", record.explained},      {"muted", record.muted},
          {"helpful", record.helpful}, {"not_helpful", record.not_helpful}};
}

std::string pad(std::string text, std::size_t width, bool right = false) {
  if (text.size() >= width) return text + " ";
  std::string space(width - text.size(), ' ');
  return right ? space + text + " " : text + space + " ";
}

} // namespace

int run_stats(const std::string &state_file, bool as_json, const std::string &export_file) {
  LearnerState state = open_state(state_file);
  std::vector<std::pair<std::string, TipRecord>> tips(state.tips().begin(), state.tips().end());
  std::stable_sort(tips.begin(), tips.end(), [](const auto &a, const auto &b) { return a.second.shown > b.second.shown; });

  if (!export_file.empty()) {
    // Anonymous by construction: tip ids and counts, no times, paths or names.
    json summary = {{"format", "gloss-stats"}, {"version", 1}, {"tips", json::object()}};
    for (const auto &[id, record] : tips) summary["tips"][id] = counts_json(record);
    if (std::string problem = write_file_atomically(export_file, summary.dump(2) + "\n"); !problem.empty()) {
      std::cerr << "gloss: " << problem << "\n";
      return 2;
    }
    std::cerr << "gloss: wrote counts for " << tips.size() << " tips to " << export_file << "\n";
    return 0;
  }
  if (as_json) {
    json out = {{"state_file", state.file().string()}, {"tips", json::array()}};
    for (const auto &[id, record] : tips) {
      json entry = counts_json(record);
      entry["id"] = id;
      entry["muted_now"] = record.is_muted;
      entry["last_shown"] = record.last_shown;
      out["tips"].push_back(entry);
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (tips.empty()) {
    std::cout << "No tips shown yet (" << state.file().string() << ").\n";
    return 0;
  }
  std::size_t width = std::string_view("tip").size();
  for (const auto &[id, record] : tips) width = std::max(width, id.size() + (record.is_muted ? 8 : 0));
  std::cout << pad("tip", width) << pad("shown", 7, true) << pad("explained", 10, true) << pad("muted", 6, true)
            << pad("helpful", 8, true) << pad("not helpful", 12, true) << "\n";
  TipRecord total;
  for (const auto &[id, record] : tips) {
    std::cout << pad(id + (record.is_muted ? " (muted)" : ""), width) << pad(std::to_string(record.shown), 7, true)
              << pad(std::to_string(record.explained), 10, true) << pad(std::to_string(record.muted), 6, true)
              << pad(std::to_string(record.helpful), 8, true) << pad(std::to_string(record.not_helpful), 12, true)
              << "\n";
    total.shown += record.shown;
    total.explained += record.explained;
    total.muted += record.muted;
    total.helpful += record.helpful;
    total.not_helpful += record.not_helpful;
  }
  std::cout << pad(std::to_string(tips.size()) + " tips", width) << pad(std::to_string(total.shown), 7, true)
            << pad(std::to_string(total.explained), 10, true) << pad(std::to_string(total.muted), 6, true)
            << pad(std::to_string(total.helpful), 8, true) << pad(std::to_string(total.not_helpful), 12, true) << "\n";
  return 0;
}

int run_learned(const std::string &state_file, bool reset, const std::string &id) {
  LearnerState state = open_state(state_file);
  std::vector<std::string> muted;
  for (const auto &[tip, record] : state.tips())
    if (record.is_muted) muted.push_back(tip);
  if (!reset) {
    if (muted.empty()) std::cout << "No muted tips.\n";
    for (const std::string &tip : muted) std::cout << tip << "\n";
    return 0;
  }
  if (!id.empty() && std::find(muted.begin(), muted.end(), id) == muted.end()) {
    std::cerr << "gloss: " << id << " is not muted\n";
    return 1;
  }
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::vector<std::string> unmute = id.empty() ? muted : std::vector<std::string>{id};
  for (const std::string &tip : unmute) state.record(tip, LearnerEvent::Unmuted, now);
  std::vector<std::string> problems = state.flush();
  for (const std::string &problem : problems) std::cerr << "gloss: " << problem << "\n";
  if (state.has_pending()) return 2;
  for (const std::string &tip : unmute) std::cout << "showing again: " << tip << "\n";
  return 0;
}

int run_concepts(const std::string &path, bool as_json, const std::string &level_name,
                 const std::vector<std::string> &content_directories, const std::string &state_file) {
  std::optional<Level> level = parse_level(level_name);
  if (!level) {
    std::cerr << "gloss: --level must be beginner, intermediate or advanced, got '" << level_name << "'\n";
    return 2;
  }
  int failure = 0;
  std::optional<SourceFile> source = read_source_file(path, failure);
  if (!source) return failure;
  std::unique_ptr<ContentIndex> index = load_content_for(path, content_directories);
  LearnerState state = open_state(state_file);
  DocumentConcepts found = concepts_in(source->tree, source->text, *index, LearnerFilter{*level, {}});
  LineIndex lines(source->text);
  auto position = [&](uint32_t offset) {
    TextPosition at = lines.position_of(offset, PositionEncoding::Utf32, source->text);
    return std::make_pair(at.line + 1, at.character + 1);
  };

  if (as_json) {
    json out = {{"file", path}, {"incomplete", found.incomplete}, {"concepts", json::array()}};
    for (const Concept &entry : found.concepts) {
      const TipRecord *record = state.find(entry.snippet->id);
      json ranges = json::array();
      for (const ByteRange &range : entry.ranges) {
        auto [line, column] = position(range.start);
        auto [end_line, end_column] = position(range.end);
        ranges.push_back({{"line", line}, {"column", column}, {"end_line", end_line}, {"end_column", end_column}});
      }
      out["concepts"].push_back({{"id", entry.snippet->id},
                                 {"title", entry.snippet->title},
                                 {"level", to_string(entry.snippet->level)},
                                 {"kind", entry.snippet->kind == SnippetKind::Note ? "note" : "tip"},
                                 {"seen", record && record->shown > 0},
                                 {"muted", record && record->is_muted},
                                 {"ranges", ranges}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::size_t unseen = 0;
  for (const Concept &entry : found.concepts) {
    const TipRecord *record = state.find(entry.snippet->id);
    if (!record || record->shown == 0) ++unseen;
  }
  std::cout << path << ": " << found.concepts.size() << " concepts, " << unseen << " new to you"
            << (found.incomplete ? " (scan cut short; the file is very large)" : "") << "\n";
  for (const Concept &entry : found.concepts) {
    const TipRecord *record = state.find(entry.snippet->id);
    auto [line, column] = position(entry.ranges.front().start);
    std::string where = std::to_string(line) + ":" + std::to_string(column);
    std::string marks = entry.ranges.size() > 1 ? "  ×" + std::to_string(entry.ranges.size()) : "";
    if (entry.snippet->kind == SnippetKind::Note) marks += "  team note";
    else if (record && record->is_muted) marks += "  muted";
    else if (!record || record->shown == 0) marks += "  new";
    std::cout << "  " << pad(where, 8) << entry.snippet->title << " (" << entry.snippet->id << ")" << marks << "\n";
  }
  return 0;
}

} // namespace gloss

//===--- cli_coverage.cpp - `gloss coverage PATH…` ------------------------===//
#include "cli_coverage.h"

#include "construct_coverage.h"
#include "content_loader.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

namespace gloss {
namespace {

std::string covered_by(const ConstructCount &count) {
  if (count.snippets.empty()) return "— no tip yet";
  std::string ids;
  std::size_t shown = 0;
  for (const std::string &id : count.snippets) {
    if (shown == 2) {
      ids += " +" + std::to_string(count.snippets.size() - 2);
      break;
    }
    ids += (shown++ ? ", " : "") + id;
  }
  return ids;
}

} // namespace

int run_coverage(const std::vector<std::string> &paths, bool as_json, std::size_t top,
                 const std::vector<std::string> &content_directories) {
  auto started = std::chrono::steady_clock::now();
  LoadedContent loaded = load_layers({content_directories.begin(), content_directories.end()}, ExampleCheck::Deferred);
  ContentIndex index(std::move(loaded.snippets));
  std::vector<std::filesystem::path> files = list_source_files({paths.begin(), paths.end()});
  CoverageReport report = measure_coverage(files, index, std::max(1u, std::thread::hardware_concurrency()));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  if (as_json) {
    nlohmann::json out = {{"files", files.size()}, {"skipped", report.skipped}, {"seconds", seconds}, {"languages", nlohmann::json::array()}};
    for (const LanguageCoverage &language : report.languages) {
      nlohmann::json constructs = nlohmann::json::array();
      for (std::size_t i = 0; i < language.constructs.size() && i < top; ++i) {
        const ConstructCount &count = language.constructs[i];
        constructs.push_back({{"type", count.type}, {"occurrences", count.occurrences}, {"snippets", count.snippets}});
      }
      out["languages"].push_back({{"language", language.language}, {"files", language.files}, {"lines", language.lines},
                                  {"constructs", constructs}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  uint64_t lines = 0;
  for (const LanguageCoverage &language : report.languages) lines += language.lines;
  std::printf("gloss coverage: %zu files, %llu lines, %llu skipped, %.1f s\n", files.size(),
              static_cast<unsigned long long>(lines), static_cast<unsigned long long>(report.skipped), seconds);
  for (const LanguageCoverage &language : report.languages) {
    std::printf("\n%s — %llu files, %llu lines\n", language.language.c_str(),
                static_cast<unsigned long long>(language.files), static_cast<unsigned long long>(language.lines));
    std::printf("  %-4s %-36s %10s  %s\n", "rank", "construct", "count", "tips");
    for (std::size_t i = 0; i < language.constructs.size() && i < top; ++i) {
      const ConstructCount &count = language.constructs[i];
      std::printf("  %-4zu %-36s %10llu  %s\n", i + 1, count.type.c_str(),
                  static_cast<unsigned long long>(count.occurrences), covered_by(count).c_str());
    }
  }
  return 0;
}

} // namespace gloss

//===--- snippet.cpp - one curated explanation and where it came from -----===//
#include "snippet.h"

namespace gloss {

std::string_view to_string(Level level) {
  switch (level) {
  case Level::Beginner: return "beginner";
  case Level::Intermediate: return "intermediate";
  case Level::Advanced: return "advanced";
  }
  return "intermediate";
}

bool level_shows(Level learner, Level tip) {
  switch (learner) {
  case Level::Beginner: return tip != Level::Advanced;
  case Level::Intermediate: return true;
  case Level::Advanced: return tip == Level::Advanced;
  }
  return true;
}

std::optional<Level> parse_level(std::string_view text) {
  if (text == "beginner") return Level::Beginner;
  if (text == "intermediate") return Level::Intermediate;
  if (text == "advanced") return Level::Advanced;
  return std::nullopt;
}

std::string format_diagnostic(const ContentDiagnostic &diagnostic) {
  std::string text = diagnostic.source;
  if (diagnostic.line > 0) text += ":" + std::to_string(diagnostic.line);
  text += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
  text += diagnostic.message;
  return text;
}

} // namespace gloss

//===--- query_predicates.cpp - text predicates tree-sitter leaves to us --===//
#include "query_predicates.h"

#include <algorithm>

namespace gloss {
namespace {

std::string_view node_text(TSNode node, std::string_view source) {
  uint32_t start = std::min<uint32_t>(ts_node_start_byte(node), static_cast<uint32_t>(source.size()));
  uint32_t end = std::min<uint32_t>(ts_node_end_byte(node), static_cast<uint32_t>(source.size()));
  return source.substr(start, end - start);
}

/// Calls `check` on every node captured as `capture`; true if all pass.
template <typename Check>
bool all_captured(const TSQueryMatch &match, uint32_t capture, Check check) {
  for (uint16_t i = 0; i < match.capture_count; ++i)
    if (match.captures[i].index == capture && !check(match.captures[i].node)) return false;
  return true;
}

std::string_view capture_node_text(const TSQueryMatch &match, uint32_t capture,
                                   std::string_view source, bool &found) {
  for (uint16_t i = 0; i < match.capture_count; ++i) {
    if (match.captures[i].index == capture) {
      found = true;
      return node_text(match.captures[i].node, source);
    }
  }
  found = false;
  return {};
}

} // namespace

bool PatternPredicates::compile(const TSQuery *query, uint32_t pattern_index, std::string &error) {
  uint32_t step_count = 0;
  const TSQueryPredicateStep *steps = ts_query_predicates_for_pattern(query, pattern_index, &step_count);
  uint32_t i = 0;
  while (i < step_count) {
    std::vector<TSQueryPredicateStep> predicate;
    for (; i < step_count && steps[i].type != TSQueryPredicateStepTypeDone; ++i)
      predicate.push_back(steps[i]);
    ++i; // the Done step
    if (predicate.empty()) continue;
    if (predicate[0].type != TSQueryPredicateStepTypeString) {
      error = "a predicate must start with its name, e.g. #eq?";
      return false;
    }
    uint32_t length = 0;
    const char *chars = ts_query_string_value_for_id(query, predicate[0].value_id, &length);
    std::string name(chars, length); // length is only set once the call returns
    auto string_at = [&](std::size_t k) {
      uint32_t n = 0;
      const char *text = ts_query_string_value_for_id(query, predicate[k].value_id, &n);
      return std::string(text, n);
    };
    auto is_capture = [&](std::size_t k) {
      return k < predicate.size() && predicate[k].type == TSQueryPredicateStepTypeCapture;
    };
    auto is_string = [&](std::size_t k) {
      return k < predicate.size() && predicate[k].type == TSQueryPredicateStepTypeString;
    };
    std::size_t arguments = predicate.size() - 1;

    if (name == "eq?" || name == "not-eq?") {
      bool negated = name == "not-eq?";
      if (arguments != 2 || !is_capture(1)) {
        error = "#" + name + " needs a capture and a string or capture, got " +
                std::to_string(arguments) + " arguments";
        return false;
      }
      if (is_capture(2)) checks_.push_back(EqualsCapture{predicate[1].value_id, predicate[2].value_id, negated});
      else checks_.push_back(Equals{predicate[1].value_id, string_at(2), negated});
    } else if (name == "match?" || name == "not-match?") {
      if (arguments != 2 || !is_capture(1) || !is_string(2)) {
        error = "#" + name + " needs a capture and a regular expression string";
        return false;
      }
      RE2::Options options;
      options.set_log_errors(false);
      auto regex = std::make_shared<RE2>(string_at(2), options);
      if (!regex->ok()) {
        error = "#" + name + " has an invalid regular expression: " + regex->error();
        return false;
      }
      checks_.push_back(Matches{predicate[1].value_id, std::move(regex), name == "not-match?"});
    } else if (name == "any-of?") {
      if (arguments < 2 || !is_capture(1)) {
        error = "#any-of? needs a capture and at least one string";
        return false;
      }
      AnyOf any_of{predicate[1].value_id, {}};
      for (std::size_t k = 2; k < predicate.size(); ++k) {
        if (!is_string(k)) {
          error = "#any-of? takes strings after its capture";
          return false;
        }
        any_of.values.push_back(string_at(k));
      }
      checks_.push_back(std::move(any_of));
    } else if (name == "has-parent?" || name == "not-has-parent?" || name == "has-ancestor?" ||
               name == "not-has-ancestor?" || name == "has-previous-sibling?") {
      if (arguments < 2 || !is_capture(1)) {
        error = "#" + name + " needs a capture and at least one node type";
        return false;
      }
      using Relative = HasParent::Relative;
      Relative relative = name.find("ancestor") != std::string::npos  ? Relative::AnyAncestor
                          : name.find("sibling") != std::string::npos ? Relative::PreviousSibling
                                                                      : Relative::Parent;
      HasParent has_parent{predicate[1].value_id, {}, name.rfind("not-", 0) == 0, relative};
      for (std::size_t k = 2; k < predicate.size(); ++k) {
        if (!is_string(k)) {
          error = "#" + name + " takes node types after its capture";
          return false;
        }
        has_parent.types.push_back(string_at(k));
      }
      checks_.push_back(std::move(has_parent));
    } else {
      error = "unsupported predicate #" + name +
              " (supported: #eq?, #not-eq?, #match?, #not-match?, #any-of?, #has-parent?, #not-has-parent?, "
              "#has-ancestor?, #not-has-ancestor?, #has-previous-sibling?)";
      return false;
    }
  }
  return true;
}

bool PatternPredicates::holds(const TSQueryMatch &match, std::string_view source) const {
  for (const Check &check : checks_) {
    bool ok = std::visit(
        [&](const auto &c) -> bool {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, Equals>) {
            return all_captured(match, c.capture, [&](TSNode node) {
              return (node_text(node, source) == c.text) != c.negated;
            });
          } else if constexpr (std::is_same_v<T, EqualsCapture>) {
            bool found = false;
            std::string_view other = capture_node_text(match, c.other, source, found);
            if (!found) return true;
            return all_captured(match, c.capture, [&](TSNode node) {
              return (node_text(node, source) == other) != c.negated;
            });
          } else if constexpr (std::is_same_v<T, Matches>) {
            return all_captured(match, c.capture, [&](TSNode node) {
              std::string_view text = node_text(node, source);
              return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *c.regex) != c.negated;
            });
          } else if constexpr (std::is_same_v<T, AnyOf>) {
            return all_captured(match, c.capture, [&](TSNode node) {
              std::string_view text = node_text(node, source);
              return std::find(c.values.begin(), c.values.end(), text) != c.values.end();
            });
          } else {
            return all_captured(match, c.capture, [&](TSNode node) {
              auto listed = [&](TSNode above) {
                return std::find(c.types.begin(), c.types.end(), ts_node_type(above)) != c.types.end();
              };
              bool found = false;
              if (c.relative == HasParent::Relative::PreviousSibling) {
                TSNode previous = ts_node_prev_named_sibling(node);
                while (!ts_node_is_null(previous) && ts_node_is_extra(previous)) // comments
                  previous = ts_node_prev_named_sibling(previous);
                found = !ts_node_is_null(previous) && listed(previous);
              } else if (c.relative == HasParent::Relative::AnyAncestor) {
                // One walk down from the root; ts_node_parent per level would repeat it.
                TSNode above = ts_tree_root_node(node.tree);
                while (!found && !ts_node_eq(above, node) && !ts_node_is_null(above)) {
                  found = listed(above);
                  above = ts_node_child_with_descendant(above, node);
                }
              } else {
                TSNode parent = ts_node_parent(node);
                found = !ts_node_is_null(parent) && listed(parent);
              }
              return found != c.negated;
            });
          }
        },
        check);
    if (!ok) return false;
  }
  return true;
}

} // namespace gloss

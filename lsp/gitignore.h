//===--- gitignore.h - which files a .gitignore excludes ------------------===//
//
// The common subset of gitignore(5): blank lines and '#' comments, '!'
// negation, a trailing '/' for directories only, a leading or inner '/'
// anchoring the pattern to the .gitignore's folder, '*', '?', '[...]' and
// '**'. Patterns become RE2 regular expressions; the last rule that matches
// a path decides.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_GITIGNORE_H
#define GLOSS_LSP_GITIGNORE_H

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

class GitignoreRules {
public:
  /// Parses the text of one .gitignore file.
  explicit GitignoreRules(std::string_view text);

  enum class Verdict { Unmatched, Ignored, Included };
  /// `relative` is the path below the .gitignore's folder, with '/' separators.
  Verdict check(std::string_view relative, bool is_directory) const;

private:
  struct Rule {
    std::shared_ptr<const RE2> regex;
    bool negated = false;
    bool directory_only = false;
  };
  std::vector<Rule> rules_;
};

} // namespace gloss

#endif

#include <algorithm>
#include <map>
#include <string>
#include <vector>

int count_long_words(const std::vector<std::string> &words, std::size_t min_length) {
  return static_cast<int>(std::count_if(words.begin(), words.end(),
                                        [min_length](const std::string &w) { return w.size() >= min_length; }));
}

void print_all(const std::map<std::string, int> &counts) {
  for (const auto &[word, count] : counts) {
    (void)word;
    (void)count;
  }
}

#include "persons/alias_table.h"

#include "persons/embedded_data.h"
#include "persons/name_lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

namespace archivar::persons {
namespace {

// The name with runs of whitespace made single spaces, trimmed.
std::string NormaliseSpaces(std::string_view name) {
  std::string out;
  bool pending_space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

}  // namespace

std::string PersonKey(std::string_view canonical_name) { return PhraseKey(canonical_name); }

const AliasTable& AliasTable::Builtin() {
  static const AliasTable table = [] {
    AliasTable built;
    built.LoadText(data::Aliases(), "aliases.tsv");
    return built;
  }();
  return table;
}

AliasTable AliasTable::OverBuiltin() {
  AliasTable table;
  table.over_builtin_ = true;
  return table;
}

Result<bool> AliasTable::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<bool>::Fail(path + ": cannot read the alias file");
  std::ostringstream content;
  content << in.rdbuf();
  return LoadText(content.str(), path);
}

Result<bool> AliasTable::LoadText(std::string_view text, const std::string& origin) {
  std::vector<std::pair<std::string, std::string>> mappings;  // key -> canonical
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
      trimmed.remove_prefix(1);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::vector<std::string_view> fields = SplitTabs(line);
    std::string canonical = NormaliseSpaces(fields.front());
    if (PersonKey(canonical).empty()) {
      return Result<bool>::Fail(origin + ":" + std::to_string(line_number) +
                                ": no name before the first TAB");
    }
    for (std::string_view field : fields) {
      std::string key = PersonKey(field);
      if (!key.empty()) mappings.emplace_back(std::move(key), canonical);
    }
  }
  for (auto& [key, canonical] : mappings) {
    std::size_t words = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
    max_form_words_ = std::max(max_form_words_, words);
    form_starts_.insert(key.substr(0, key.find(' ')));
    canonical_by_key_[std::move(key)] = std::move(canonical);
  }
  return Result<bool>::Ok(true);
}

const std::string* AliasTable::FindKey(const std::string& key) const {
  if (!canonical_by_key_.empty()) {  // usually empty over the built-in table
    auto found = canonical_by_key_.find(key);
    if (found != canonical_by_key_.end()) return &found->second;
  }
  const AliasTable* below = Below();
  return below ? below->FindKey(key) : nullptr;
}

std::size_t AliasTable::max_form_words() const {
  const AliasTable* below = Below();
  return below ? std::max(max_form_words_, below->max_form_words()) : max_form_words_;
}

bool AliasTable::IsFormStart(const std::string& first_word_key) const {
  if (!form_starts_.empty() && form_starts_.count(first_word_key) > 0) return true;
  const AliasTable* below = Below();
  return below && below->IsFormStart(first_word_key);
}

std::string AliasTable::Canonical(std::string_view name) const {
  if (const std::string* canonical = FindKey(PersonKey(name))) return *canonical;
  return NormaliseSpaces(name);
}

}  // namespace archivar::persons

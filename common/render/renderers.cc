#include "render/renderers.h"

#include "text/unicode.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace archivar::render {
namespace {

constexpr std::string_view kReplacementCharacter = "\uFFFD";

// The text made safe to print on a terminal: an invalid UTF-8 byte and a
// control character (C0, DEL, C1: they could move the cursor, change
// colours or retitle the window) each become U+FFFD; tabs and line breaks
// become spaces, so every field stays on its line.
std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    std::size_t start = offset;
    int32_t c = text::NextCodePoint(text, &offset);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c < 0 || c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      out += kReplacementCharacter;
    } else {
      out.append(text, start, offset - start);
    }
  }
  return out;
}

struct Markers {
  const char* open;
  const char* close;
};

Markers HighlightMarkers(const TextStyle& style) {
  return style.color ? Markers{"\033[1;31m", "\033[0m"} : Markers{"**", "**"};
}

std::string Mark(const search::Highlighted& text, const Markers& markers) {
  std::string out;
  std::size_t done = 0;
  std::string_view whole = text.text;
  for (const auto& [start, end] : text.highlights) {
    if (start < done || end < start || end > whole.size()) continue;
    out += Printable(whole.substr(done, start - done));
    out += markers.open;
    out += Printable(whole.substr(start, end - start));
    out += markers.close;
    done = end;
  }
  out += Printable(whole.substr(done));
  return out;
}

std::string MetadataLine(const Article& article) {
  std::string line;
  for (const std::string* field : {&article.date, &article.source, &article.category,
                                   &article.author}) {
    if (field->empty()) continue;
    if (!line.empty()) line += " · ";
    line += Printable(*field);
  }
  if (!line.empty()) line += " · ";
  return line + "id " + Printable(article.id);
}

std::string PersonsLine(const std::vector<std::string>& persons) {
  if (persons.empty()) return "";
  std::string line = "   Personen: ";
  for (std::size_t i = 0; i < persons.size(); ++i) line += (i ? ", " : "") + persons[i];
  return line + "\n";
}

std::string TotalLine(const search::SearchResponse& response) {
  std::string query = Printable(response.query);
  if (response.total == 0) return "No articles found for: " + query;
  std::size_t first = response.offset + 1;
  std::size_t last = response.offset + response.hits.size();
  const char* noun = response.total == 1 ? " article" : " articles";
  return "About " + std::to_string(response.total) + noun + " for: " +
         query + " (showing " + std::to_string(first) + "–" +
         std::to_string(last) + ")";
}

nlohmann::json HitJson(const search::SearchHit& hit) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [start, end] : hit.snippet.highlights) {
    highlights.push_back({start, end});
  }
  const Article& a = hit.article;
  return {{"rank", hit.rank},         {"id", a.id},
          {"score", hit.score},       {"title", a.title},
          {"date", a.date},           {"source", a.source},
          {"category", a.category},   {"author", a.author},
          {"url", a.url},             {"snippet", hit.snippet.text},
          {"highlights", highlights}, {"persons", hit.persons}};
}

void RenderFacetsText(const std::vector<search::Facet>& facets, std::ostream& out) {
  for (const auto& facet : facets) {
    out << Printable(facet.name) << ":";
    if (facet.values.empty()) out << " (none)";
    for (const auto& value : facet.values) {
      out << "\n  " << value.count << "\t" << Printable(value.value);
    }
    out << "\n";
  }
}

nlohmann::json FacetsJson(const std::vector<search::Facet>& facets) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& facet : facets) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& value : facet.values) {
      values.push_back({{"value", value.value}, {"count", value.count}});
    }
    object[facet.name] = values;
  }
  return object;
}

}  // namespace

void RenderText(const search::SearchResponse& response, const TextStyle& style,
                std::ostream& out) {
  Markers markers = HighlightMarkers(style);
  if (response.total > 0 && response.hits.empty()) {
    out << "No more results after " << response.offset << " (of about "
        << response.total << ")\n";
    return;
  }
  for (const auto& hit : response.hits) {
    std::string title = Mark(hit.title, markers);
    if (style.color) title = "\033[1m" + title + "\033[0m";
    out << hit.rank << ". " << title << "\n"
        << "   " << MetadataLine(hit.article) << "\n"
        << PersonsLine(hit.persons);
    if (!hit.snippet.text.empty()) out << "   " << Mark(hit.snippet, markers) << "\n";
    out << "\n";
  }
  out << TotalLine(response) << "\n";
  if (!response.facets.empty()) {
    out << "\n";
    RenderFacetsText(response.facets, out);
    if (response.facet_sample_step > 1) {
      out << "(facet counts estimated from every " << response.facet_sample_step
          << "th matching article)\n";
    }
  }
}

void RenderJson(const search::SearchResponse& response, std::ostream& out) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& hit : response.hits) results.push_back(HitJson(hit));
  nlohmann::json doc = {{"query", response.query},
                        {"total", response.total},
                        {"offset", response.offset},
                        {"results", results}};
  if (!response.note.empty()) doc["note"] = response.note;
  if (!response.facets.empty()) {
    doc["facets"] = FacetsJson(response.facets);
    // 1: exact counts; n: counted over every n-th matching article, times n.
    doc["facet_sample_step"] = response.facet_sample_step;
  }
  out << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace archivar::render

#include "render/renderers.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace archivar::render {
namespace {

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
  for (const auto& [start, end] : text.highlights) {
    if (start < done) continue;
    out.append(text.text, done, start - done);
    out += markers.open;
    out.append(text.text, start, end - start);
    out += markers.close;
    done = end;
  }
  out.append(text.text, done, std::string::npos);
  return out;
}

std::string MetadataLine(const Article& article) {
  std::string line;
  for (const std::string* field : {&article.date, &article.source, &article.category,
                                   &article.author}) {
    if (field->empty()) continue;
    if (!line.empty()) line += " · ";
    line += *field;
  }
  if (!line.empty()) line += " · ";
  return line + "id " + article.id;
}

std::string TotalLine(const search::SearchResponse& response) {
  if (response.total == 0) return "No articles found for: " + response.query;
  std::size_t first = response.offset + 1;
  std::size_t last = response.offset + response.hits.size();
  const char* noun = response.total == 1 ? " article" : " articles";
  return "About " + std::to_string(response.total) + noun + " for: " +
         response.query + " (showing " + std::to_string(first) + "–" +
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
          {"highlights", highlights}};
}

void RenderFacetsText(const std::vector<search::Facet>& facets, std::ostream& out) {
  for (const auto& facet : facets) {
    out << facet.name << ":";
    if (facet.values.empty()) out << " (none)";
    for (const auto& value : facet.values) {
      out << "\n  " << value.count << "\t" << value.value;
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
        << "   " << Mark(hit.snippet, markers) << "\n\n";
  }
  out << TotalLine(response) << "\n";
  if (!response.facets.empty()) {
    out << "\n";
    RenderFacetsText(response.facets, out);
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
  if (!response.facets.empty()) doc["facets"] = FacetsJson(response.facets);
  out << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace archivar::render

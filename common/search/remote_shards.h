// Remote shards: a database opened from a stub file may list shards served
// by xapian-tcpsrv (`remote HOST:PORT`) beside local ones, searched as one.
// Xapian's stock server runs only what it knows: no PostingSource, MatchSpy
// or KeyMaker of Archivar's own.  So over remote shards the searcher counts
// facets with Xapian::ValueCountMatchSpy (every match, without help from
// the searching thread) and sorts by the date value alone, asking for the
// undated articles in a second match when oldest first
// (date_sorted_page.h).
#pragma once

#include <xapian.h>

namespace archivar::search {

// True when `db` includes a remote shard.  Costs one empty match (a few
// microseconds on a local database): ask once per opened database.
bool HasRemoteShard(const Xapian::Database& db);

}  // namespace archivar::search

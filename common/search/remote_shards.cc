#include "search/remote_shards.h"

namespace archivar::search {
namespace {

// A posting source without serialise(): a local match takes it, a remote
// shard cannot (Xapian::UnimplementedError).  Matches nothing.
class LocalOnlyProbe : public Xapian::PostingSource {
 public:
  void init(const Xapian::Database&) override {}
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return 0; }
  Xapian::doccount get_termfreq_max() const override { return 0; }
  void next(double) override {}
  bool at_end() const override { return true; }
  Xapian::docid get_docid() const override { return 0; }
  Xapian::PostingSource* clone() const override { return new LocalOnlyProbe; }
};

}  // namespace

bool HasRemoteShard(const Xapian::Database& db) {
  LocalOnlyProbe probe;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(&probe));
  try {
    enquire.get_mset(0, 0);
  } catch (const Xapian::UnimplementedError&) {
    return true;
  }
  return false;
}

}  // namespace archivar::search

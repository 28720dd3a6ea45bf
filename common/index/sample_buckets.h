// Sample buckets: every article belongs to one of schema::kSampleBuckets
// buckets, chosen by a hash of its id and indexed as a boolean term
// (schema::kSampleBucketPrefix).  The articles of the first n buckets are
// then an even sample of about n / kSampleBuckets of any set of matches,
// picked by an OR of n plain terms — a filter Xapian's stock remote server
// can run, where Archivar's own DocumentSample (search/facets.h) cannot.
// The bucket depends on the id alone: the same on every shard, in every
// build, and for every version of an article.  Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace archivar::index {

// The bucket of the article with id `article_id`, below schema::kSampleBuckets.
unsigned SampleBucketOf(std::string_view article_id);

// The term of bucket `bucket` (below schema::kSampleBuckets), e.g. "XB17".
std::string SampleBucketTerm(unsigned bucket);

}  // namespace archivar::index

#include "index/sample_buckets.h"

#include "schema.h"
#include "util/fnv1a.h"

#include <cstdint>

namespace archivar::index {

unsigned SampleBucketOf(std::string_view article_id) {
  Fnv1a fnv;
  fnv.Mix(article_id);
  // A final mix, so that the low bits depend on every byte.
  std::uint64_t hash = fnv.value();
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdull;
  hash ^= hash >> 33;
  return static_cast<unsigned>(hash % schema::kSampleBuckets);
}

std::string SampleBucketTerm(unsigned bucket) {
  return std::string(schema::kSampleBucketPrefix) + std::to_string(bucket);
}

}  // namespace archivar::index

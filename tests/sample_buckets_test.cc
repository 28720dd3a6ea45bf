// index/sample_buckets.h: the bucket of an article, stable and even.
#include "index/sample_buckets.h"

#include "schema.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace archivar::index {
namespace {

TEST_CASE("An article's sample bucket depends on its id alone and never changes") {
  // Databases store the buckets: a new version of the hash would split
  // an archive's shards between two bucketings.
  CHECK(SampleBucketOf("a1") == 33);
  CHECK(SampleBucketOf("scale-0000001") == 60);
  CHECK(SampleBucketOf("tb-2016-0019") == 11);
  CHECK(SampleBucketOf("") < schema::kSampleBuckets);
  CHECK(SampleBucketTerm(17) == "XB17");
  CHECK(SampleBucketTerm(0) == std::string(schema::kSampleBucketPrefix) + "0");
}

TEST_CASE("Ids numbered in a row spread evenly over the sample buckets") {
  // 64,000 ids: 1,000 per bucket expected, a standard deviation of about 31.
  std::vector<int> articles(schema::kSampleBuckets, 0);
  for (int i = 1; i <= 64'000; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "scale-%07d", i);
    ++articles[SampleBucketOf(id)];
  }
  CHECK(*std::min_element(articles.begin(), articles.end()) > 850);
  CHECK(*std::max_element(articles.begin(), articles.end()) < 1150);
}

}  // namespace
}  // namespace archivar::index

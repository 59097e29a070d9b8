#include "flowmon/ingest/remote_input.h"

#include "catch.h"
#include "flowmon/ingest/input_files.h"
#include "flowmon/ingest/source.h"
#include "test_util.h"

namespace flowmon {
namespace {

// Two objects under any path; what Fetch was asked, kept.
class FakeRemote : public RemoteInputProvider {
 public:
  Status Expand(const std::string& path, const RemoteQuery& query,
                std::vector<std::string>* inputs, size_t* pruned) override {
    if (path == "fake://missing")
      return Status::IoError("fake://missing: none");
    inputs->push_back(path + "/a");
    inputs->push_back(path + "/b");
    if (query.since && pruned != nullptr) ++*pruned;
    return Status::Ok();
  }
  Result<RemoteBytes> Fetch(const std::string& input,
                            const RemoteQuery& query) override {
    last_pattern = query.filter_pattern;
    RemoteBytes out;
    out.data = input.ends_with("/a") ? testing::Gzip("one\ntwo\n") : "three\n";
    return out;
  }
  std::string last_pattern;
};

TEST_CASE("remote inputs go to the provider of their scheme", "[ingest]") {
  auto fake = std::make_shared<FakeRemote>();
  RegisterRemoteInputs("fake://", fake);
  CHECK(FindRemoteInputs("fake://x") == fake.get());
  CHECK(FindRemoteInputs("samples/v2.log") == nullptr);
  size_t pruned = 0;
  ExpandedInputs in = ExpandInputs({"fake://x", "-", "fake://missing"}, 0,
                                   std::nullopt, &pruned);
  CHECK(in.files == std::vector<std::string>{"fake://x/a", "fake://x/b", "-"});
  REQUIRE(in.errors.size() == 1);
  CHECK(in.errors[0].message() == "fake://missing: none");
  CHECK(pruned == 1);
  // Fetched bytes take the local path: gzip is inflated, text read whole.
  SourceOptions options;
  options.remote.filter_pattern = "REJECT";
  for (const auto& [input, text] : {std::pair{"fake://x/a", "one\ntwo\n"},
                                    std::pair{"fake://x/b", "three\n"}}) {
    Result<std::unique_ptr<Source>> s = OpenSource(input, options);
    REQUIRE(s.ok());
    std::string all;
    Chunk c;
    while ((*s)->Next(&c).ok() && !c.data.empty()) all.append(c.data);
    CHECK(all == text);
  }
  CHECK(fake->last_pattern == "REJECT");
  RegisterRemoteInputs("fake://", nullptr);
}

}  // namespace
}  // namespace flowmon

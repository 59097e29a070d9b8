#include "flowmon/aws/remote_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <map>
#include <mutex>

#include "flowmon/aws/cloudwatch_logs.h"
#include "flowmon/aws/s3.h"
#include "flowmon/ingest/input_files.h"
#include "flowmon/ingest/remote_input.h"

namespace flowmon {
namespace {

// Objects fetched at once: the one being read and those right after it.
constexpr size_t kFetchAhead = 4;

class S3Inputs : public RemoteInputProvider {
 public:
  explicit S3Inputs(std::shared_ptr<AwsClient> client)
      : client_(std::move(client)), s3_(client_.get()) {}

  Status Expand(const std::string& path, const RemoteQuery& query,
                std::vector<std::string>* inputs, size_t* pruned) override {
    Result<S3Location> where = ParseS3Url(path);
    if (!where.ok()) return where.status();
    std::vector<std::string> keys;
    Status s = query.since || query.until
                   ? Walk(where->bucket, where->key, query, &keys, pruned)
                   : ListAll(where->bucket, where->key, &keys);
    if (!s.ok())
      return Status::IoError(fmt::format("{}: {}", path, s.message()));
    std::sort(keys.begin(), keys.end());
    if (keys.empty() && (pruned == nullptr || *pruned == 0)) {
      return Status::IoError(fmt::format(
          "{}: no objects under that prefix (check the bucket and prefix, "
          "and --region)",
          path));
    }
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& key : keys) {
      if (key.ends_with('/')) continue;  // a console "folder"
      std::string input = fmt::format("s3://{}/{}", where->bucket, key);
      order_.emplace(input, inputs_.size());
      inputs_.push_back(input);
      inputs->push_back(std::move(input));
    }
    return Status::Ok();
  }

  Result<RemoteBytes> Fetch(const std::string& input,
                            const RemoteQuery&) override {
    std::future<Result<std::string>> mine;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto at = order_.find(input);
      const size_t first = at == order_.end() ? inputs_.size() : at->second;
      for (size_t i = first; i < std::min(inputs_.size(), first + kFetchAhead);
           ++i) {
        Start(inputs_[i]);
      }
      if (at == order_.end()) Start(input);
      auto it = pending_.find(input);
      mine = std::move(it->second);
      pending_.erase(it);
    }
    Result<std::string> bytes = mine.get();
    if (!bytes.ok()) {
      return Status::IoError(
          fmt::format("{}: {}", input, bytes.status().message()));
    }
    RemoteBytes out;
    out.data = std::move(*bytes);
    return out;
  }

 private:
  // REQUIRES: mutex_ held.
  void Start(const std::string& input) {
    if (pending_.count(input) > 0) return;
    Result<S3Location> where = ParseS3Url(input);
    S3* s3 = &s3_;
    pending_.emplace(input,
                     std::async(std::launch::async,
                                [s3, where]() mutable -> Result<std::string> {
                                  if (!where.ok()) return where.status();
                                  return s3->Get(where->bucket, where->key);
                                }));
  }

  Status ListAll(const std::string& bucket, const std::string& prefix,
                 std::vector<std::string>* keys) {
    Result<S3Listing> listing = s3_.List(bucket, prefix, "");
    if (!listing.ok()) return listing.status();
    *keys = std::move(listing->keys);
    return Status::Ok();
  }

  // Lists folder by folder, skipping date folders outside the range.
  Status Walk(const std::string& bucket, const std::string& prefix,
              const RemoteQuery& query, std::vector<std::string>* keys,
              size_t* pruned) {
    Result<S3Listing> listing = s3_.List(bucket, prefix, "/");
    if (!listing.ok()) return listing.status();
    keys->insert(keys->end(), listing->keys.begin(), listing->keys.end());
    for (const std::string& folder : listing->prefixes) {
      int64_t begin, end;
      if (FolderTimeSpan(folder, &begin, &end) &&
          SpanOutsideRange(begin, end, query.since, query.until)) {
        if (pruned != nullptr) ++*pruned;
        continue;
      }
      Status s = Walk(bucket, folder, query, keys, pruned);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  std::shared_ptr<AwsClient> client_;
  S3 s3_;
  std::mutex mutex_;
  std::vector<std::string> inputs_;      // every expanded input, in order
  std::map<std::string, size_t> order_;  // input -> index in inputs_
  std::map<std::string, std::future<Result<std::string>>> pending_;
};

class LogGroupInputs : public RemoteInputProvider {
 public:
  explicit LogGroupInputs(std::shared_ptr<AwsClient> client)
      : client_(std::move(client)) {}

  Status Expand(const std::string& path, const RemoteQuery&,
                std::vector<std::string>* inputs, size_t*) override {
    Result<LogGroupQuery> q = ParseLogGroupUrl(path);
    if (!q.ok()) return q.status();
    inputs->push_back(path);
    return Status::Ok();
  }

  Result<RemoteBytes> Fetch(const std::string& input,
                            const RemoteQuery& query) override {
    Result<LogGroupQuery> q = ParseLogGroupUrl(input);
    if (!q.ok()) return q.status();
    if (query.since) q->start_ms = *query.since * 1000;
    if (query.until)
      q->end_ms = *query.until * 1000 - 1;  // endTime is inclusive
    q->filter_pattern = query.filter_pattern;
    Result<std::string> events = FilterLogEvents(client_.get(), *q);
    if (!events.ok()) {
      return Status::IoError(
          fmt::format("{}: {}", input, events.status().message()));
    }
    RemoteBytes out;
    out.data = std::move(*events);
    out.format = InputFormat::kCloudWatch;
    return out;
  }

 private:
  std::shared_ptr<AwsClient> client_;
};

}  // namespace

void RegisterAwsInputs(std::shared_ptr<AwsClient> client) {
  RegisterRemoteInputs("s3://", std::make_shared<S3Inputs>(client));
  RegisterRemoteInputs("cwlogs://", std::make_shared<LogGroupInputs>(client));
}

}  // namespace flowmon

#include "flowmon/notify/notifier.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "core/sigpipe_guard.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

// CloudWatch writes the region's long name in SNS messages.
std::string_view RegionName(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"us-east-1", "US East (N. Virginia)"},
      {"us-east-2", "US East (Ohio)"},
      {"us-west-1", "US West (N. California)"},
      {"us-west-2", "US West (Oregon)"},
      {"eu-west-1", "EU (Ireland)"},
      {"eu-west-2", "EU (London)"},
      {"eu-west-3", "EU (Paris)"},
      {"eu-central-1", "EU (Frankfurt)"},
      {"eu-north-1", "EU (Stockholm)"},
      {"ap-south-1", "Asia Pacific (Mumbai)"},
      {"ap-northeast-1", "Asia Pacific (Tokyo)"},
      {"ap-northeast-2", "Asia Pacific (Seoul)"},
      {"ap-southeast-1", "Asia Pacific (Singapore)"},
      {"ap-southeast-2", "Asia Pacific (Sydney)"},
      {"ca-central-1", "Canada (Central)"},
      {"sa-east-1", "South America (Sao Paulo)"}};
  for (const auto& [c, name] : kNames) {
    if (c == code) return name;
  }
  return code;
}

// SUM, SAMPLE_COUNT, ...: how the Trigger names a statistic.
std::string_view TriggerStatistic(const Statistic& s) {
  switch (s.kind) {
    case Statistic::Kind::kSampleCount:
      return "SAMPLE_COUNT";
    case Statistic::Kind::kSum:
      return "SUM";
    case Statistic::Kind::kAverage:
      return "AVERAGE";
    case Statistic::Kind::kMinimum:
      return "MINIMUM";
    case Statistic::Kind::kMaximum:
      return "MAXIMUM";
    case Statistic::Kind::kPercentile:
      break;
  }
  return "";
}

// "2019-07-14T12:44:00.000+0000".
std::string SnsTime(int64_t t) {
  std::string iso = FormatIso8601(t);  // ...Z
  iso.pop_back();
  return iso + ".000+0000";
}

void Str(fmt::memory_buffer* out, std::string_view key, std::string_view value,
         bool null_if_empty = false) {
  AppendJsonString(out, key);
  out->push_back(':');
  if (null_if_empty && value.empty()) {
    out->append(std::string_view("null"));
  } else {
    AppendJsonString(out, value);
  }
}

class StdoutTarget : public NotifyTarget {
 public:
  Status Deliver(const std::string& sns, const std::string&) override {
    std::fwrite(sns.data(), 1, sns.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return Status::Ok();
  }
  std::string name() const override { return "stdout"; }
};

class FileTarget : public NotifyTarget {
 public:
  explicit FileTarget(std::string path) : path_(std::move(path)) {}
  Status Deliver(const std::string& sns, const std::string&) override {
    std::FILE* f = std::fopen(path_.c_str(), "a");
    if (f == nullptr) {
      return Status::IoError(
          fmt::format("cannot open {}: {}", path_, std::strerror(errno)));
    }
    std::fwrite(sns.data(), 1, sns.size(), f);
    std::fputc('\n', f);
    const bool failed = std::fclose(f) != 0;
    return failed ? Status::IoError("write error on " + path_) : Status::Ok();
  }
  std::string name() const override { return "file:" + path_; }

 private:
  std::string path_;
};

class ExecTarget : public NotifyTarget {
 public:
  explicit ExecTarget(std::string command) : command_(std::move(command)) {}
  Status Deliver(const std::string& sns, const std::string&) override {
    std::fflush(stdout);
    // The command may exit before reading its message (`exit 3`): that is
    // its exit status to report, not a reason for flowmon to die.
    SigpipeGuard no_sigpipe;
    std::FILE* p = ::popen(command_.c_str(), "w");
    if (p == nullptr) {
      return Status::IoError(
          fmt::format("cannot run '{}': {}", command_, std::strerror(errno)));
    }
    std::fwrite(sns.data(), 1, sns.size(), p);
    std::fputc('\n', p);
    const int status = ::pclose(p);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      return Status::IoError(
          fmt::format("'{}' exited with status {}", command_,
                      WIFEXITED(status) ? WEXITSTATUS(status) : -1));
    }
    return Status::Ok();
  }
  std::string name() const override { return "exec:" + command_; }

 private:
  std::string command_;
};

size_t DiscardBody(char*, size_t size, size_t n, void*) { return size * n; }

class WebhookTarget : public NotifyTarget {
 public:
  WebhookTarget(std::string url, NotifyOptions options)
      : url_(std::move(url)), options_(options) {
    static const bool initialised =
        curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    (void)initialised;
  }
  Status Deliver(const std::string& sns, const std::string& slack) override {
    const std::string& body = options_.slack ? slack : sns;
    std::string last_error;
    for (int attempt = 1; attempt <= options_.attempts; ++attempt) {
      last_error = Post(body);
      if (last_error.empty()) return Status::Ok();
      if (attempt < options_.attempts) {
        // Back off 0.25 s, 0.5 s, 1 s, ...: bounded, like SNS's own retries.
        std::this_thread::sleep_for(
            std::chrono::milliseconds(250 << (attempt - 1)));
      }
    }
    return Status::IoError(fmt::format("{} after {} attempt{}", last_error,
                                       options_.attempts,
                                       options_.attempts == 1 ? "" : "s"));
  }
  std::string name() const override { return "webhook:" + url_; }

 private:
  // "" on a 2xx answer, else what went wrong.
  std::string Post(const std::string& body) {
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return "cannot initialise libcurl";
    curl_slist* headers =
        curl_slist_append(nullptr, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE,
                     static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(options_.timeout * 1000));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.timeout * 1000));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, DiscardBody);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "flowmon/0.1");
    const CURLcode rc = curl_easy_perform(curl);
    long http = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) return curl_easy_strerror(rc);
    if (http < 200 || http >= 300) return fmt::format("HTTP status {}", http);
    return "";
  }

  std::string url_;
  NotifyOptions options_;
};

}  // namespace

std::string SnsAlarmMessage(const AlarmSpec& spec, const AlarmIdentity& id,
                            const AlarmTransition& t) {
  fmt::memory_buffer out;
  out.push_back('{');
  Str(&out, "AlarmName", spec.name);
  out.push_back(',');
  Str(&out, "AlarmDescription", id.description, true);
  out.push_back(',');
  Str(&out, "AWSAccountId", id.account_id);
  out.push_back(',');
  Str(&out, "NewStateValue", AlarmStateName(t.to));
  out.push_back(',');
  Str(&out, "NewStateReason", t.reason);
  out.push_back(',');
  Str(&out, "StateChangeTime", SnsTime(t.time));
  out.push_back(',');
  Str(&out, "Region", RegionName(id.region));
  out.push_back(',');
  Str(&out, "AlarmArn",
      fmt::format("arn:aws:cloudwatch:{}:{}:alarm:{}", id.region, id.account_id,
                  spec.name));
  out.push_back(',');
  Str(&out, "OldStateValue", AlarmStateName(t.from));
  out.append(std::string_view(",\"Trigger\":{"));
  Str(&out, "MetricName", id.metric_name);
  out.push_back(',');
  Str(&out, "Namespace", id.namespace_name);
  out.push_back(',');
  const bool extended = spec.stat.kind == Statistic::Kind::kPercentile;
  Str(&out, "StatisticType", extended ? "ExtendedStatistic" : "Statistic");
  out.push_back(',');
  Str(&out, extended ? "ExtendedStatistic" : "Statistic",
      extended ? std::string_view(spec.stat.name)
               : TriggerStatistic(spec.stat));
  out.push_back(',');
  Str(&out, "Unit", id.unit, true);
  out.append(std::string_view(",\"Dimensions\":["));
  for (size_t i = 0; i < id.dimensions.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.push_back('{');
    Str(&out, "value", id.dimensions[i].second);
    out.push_back(',');
    Str(&out, "name", id.dimensions[i].first);
    out.push_back('}');
  }
  fmt::format_to(
      std::back_inserter(out),
      "],\"Period\":{},\"EvaluationPeriods\":{},\"DatapointsToAlarm\":{},",
      spec.period, spec.evaluation_periods, spec.m());
  Str(&out, "ComparisonOperator", ComparisonName(spec.comparison));
  fmt::format_to(std::back_inserter(out), ",\"Threshold\":{},",
                 ReasonNumber(spec.threshold));
  Str(&out, "TreatMissingData", TreatMissingDataName(spec.treat_missing));
  out.push_back(',');
  Str(&out, "EvaluateLowSampleCountPercentile",
      spec.low_sample_count ? LowSampleCountName(*spec.low_sample_count)
                            : std::string_view());
  out.append(std::string_view("}}"));
  return fmt::to_string(out);
}

std::string SlackMessage(const AlarmSpec& spec, const AlarmTransition& t) {
  fmt::memory_buffer out;
  out.push_back('{');
  Str(&out, "text",
      fmt::format("{}: \"{}\" changed from {} to {} at {}. {}",
                  AlarmStateName(t.to), spec.name, AlarmStateName(t.from),
                  AlarmStateName(t.to), FormatIso8601(t.time), t.reason));
  out.push_back('}');
  return fmt::to_string(out);
}

Result<std::unique_ptr<NotifyTarget>> ParseNotifyTarget(
    const std::string& spec, const NotifyOptions& options) {
  std::unique_ptr<NotifyTarget> target;
  if (spec == "stdout") {
    target = std::make_unique<StdoutTarget>();
  } else if (spec.starts_with("file:") && spec.size() > 5) {
    target = std::make_unique<FileTarget>(spec.substr(5));
  } else if (spec.starts_with("exec:") && spec.size() > 5) {
    target = std::make_unique<ExecTarget>(spec.substr(5));
  } else if (spec.starts_with("webhook:") &&
             (spec.compare(8, 7, "http://") == 0 ||
              spec.compare(8, 8, "https://") == 0)) {
    target = std::make_unique<WebhookTarget>(spec.substr(8), options);
  } else {
    return Status::InvalidArgument(fmt::format(
        "invalid --notify '{}' (expected stdout, file:PATH, exec:COMMAND or "
        "webhook:http(s)://...)",
        spec));
  }
  return target;
}

}  // namespace flowmon

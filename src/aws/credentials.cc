#include "flowmon/aws/credentials.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <map>

namespace flowmon {
namespace {

using Section = std::map<std::string, std::string>;

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// The sections of an INI file as the AWS CLI reads it; false when the file
// cannot be read (a missing file is no error: it has no profiles).
bool ReadIni(const std::string& path, std::map<std::string, Section>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  Section* current = nullptr;
  while (std::getline(in, line)) {
    const std::string t = Trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    if (t.front() == '[' && t.back() == ']') {
      current = &(*out)[Trim(std::string_view(t).substr(1, t.size() - 2))];
      continue;
    }
    const size_t eq = t.find('=');
    if (current == nullptr || eq == std::string::npos) continue;
    (*current)[Trim(std::string_view(t).substr(0, eq))] =
        Trim(std::string_view(t).substr(eq + 1));
  }
  return true;
}

std::string Get(const EnvLookup& env, const char* name) {
  const char* v = env(name);
  return v == nullptr ? std::string() : std::string(v);
}

std::string HomeFile(const EnvLookup& env, const char* variable,
                     const char* name) {
  std::string path = Get(env, variable);
  if (!path.empty()) return path;
  return Get(env, "HOME") + "/.aws/" + name;
}

std::string ProfileName(const AwsSettings& settings, const EnvLookup& env) {
  if (!settings.profile.empty()) return settings.profile;
  std::string p = Get(env, "AWS_PROFILE");
  return p.empty() ? "default" : p;
}

// The profile's section of the config file ("[profile NAME]", or
// "[default]"), or null.
const Section* ConfigProfile(const std::map<std::string, Section>& config,
                             const std::string& name) {
  auto it = config.find(name == "default" ? name : "profile " + name);
  if (it == config.end() && name == "default")
    it = config.find("profile default");
  return it == config.end() ? nullptr : &it->second;
}

const std::string* Find(const Section& s, const char* key) {
  auto it = s.find(key);
  return it == s.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](const char* name) { return std::getenv(name); };
}

Result<AwsCredentials> LoadAwsCredentials(const AwsSettings& settings,
                                          const EnvLookup& env) {
  // As the AWS CLI: keys in the environment win unless --profile was given.
  if (settings.profile.empty() && !Get(env, "AWS_ACCESS_KEY_ID").empty()) {
    AwsCredentials c;
    c.access_key_id = Get(env, "AWS_ACCESS_KEY_ID");
    c.secret_access_key = Get(env, "AWS_SECRET_ACCESS_KEY");
    c.session_token = Get(env, "AWS_SESSION_TOKEN");
    c.source = "the environment (AWS_ACCESS_KEY_ID)";
    if (c.secret_access_key.empty()) {
      return Status::InvalidArgument(
          "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set "
          "both, or unset AWS_ACCESS_KEY_ID to use a profile");
    }
    return c;
  }
  const std::string profile = ProfileName(settings, env);
  const std::string credentials_file =
      HomeFile(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
  const std::string config_file = HomeFile(env, "AWS_CONFIG_FILE", "config");
  std::map<std::string, Section> credentials, config;
  ReadIni(credentials_file, &credentials);
  ReadIni(config_file, &config);
  const Section* sections[2] = {nullptr, ConfigProfile(config, profile)};
  if (auto it = credentials.find(profile); it != credentials.end()) {
    sections[0] = &it->second;
  }
  const std::string files[2] = {credentials_file, config_file};
  for (int i = 0; i < 2; ++i) {
    if (sections[i] == nullptr) continue;
    const std::string* key = Find(*sections[i], "aws_access_key_id");
    const std::string* secret = Find(*sections[i], "aws_secret_access_key");
    if (key == nullptr || secret == nullptr) continue;
    AwsCredentials c;
    c.access_key_id = *key;
    c.secret_access_key = *secret;
    if (const std::string* t = Find(*sections[i], "aws_session_token")) {
      c.session_token = *t;
    }
    c.source = fmt::format("profile '{}' in {}", profile, files[i]);
    return c;
  }
  for (const Section* s : sections) {
    if (s == nullptr) continue;
    for (const char* unsupported :
         {"sso_session", "sso_start_url", "role_arn", "credential_process",
          "web_identity_token_file"}) {
      if (Find(*s, unsupported) != nullptr) {
        return Status::InvalidArgument(fmt::format(
            "AWS profile '{}' gets its credentials through {}, which flowmon "
            "does not do: export them first (aws configure "
            "export-credentials --profile {} --format env) or use a profile "
            "with keys",
            profile, unsupported, profile));
      }
    }
  }
  if (sections[0] == nullptr && sections[1] == nullptr &&
      (!settings.profile.empty() || profile != "default")) {
    return Status::InvalidArgument(fmt::format(
        "AWS profile '{}' is in neither {} nor {}: check --profile or "
        "AWS_PROFILE",
        profile, credentials_file, config_file));
  }
  return Status::InvalidArgument(fmt::format(
      "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
      "(and AWS_SESSION_TOKEN for temporary ones), or add aws_access_key_id "
      "and aws_secret_access_key to profile '{}' in {} (flowmon never asks "
      "the instance metadata service)",
      profile, credentials_file));
}

std::string ResolveAwsRegion(const AwsSettings& settings,
                             const EnvLookup& env) {
  if (!settings.region.empty()) return settings.region;
  for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
    std::string r = Get(env, name);
    if (!r.empty()) return r;
  }
  std::map<std::string, Section> config;
  ReadIni(HomeFile(env, "AWS_CONFIG_FILE", "config"), &config);
  if (const Section* s = ConfigProfile(config, ProfileName(settings, env))) {
    if (const std::string* r = Find(*s, "region")) return *r;
  }
  return "";
}

}  // namespace flowmon

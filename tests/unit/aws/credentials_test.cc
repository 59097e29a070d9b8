#include "flowmon/aws/credentials.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "catch.h"

namespace flowmon {
namespace {

// An environment of its own, and files in a scratch folder.
struct FakeEnv {
  std::map<std::string, std::string> vars;
  EnvLookup lookup() const {
    return [this](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  }
};

std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/flowmon_credentials_test_" + name;
  std::ofstream(path) << text;
  return path;
}

TEST_CASE("credentials: environment, then profiles", "[aws]") {
  FakeEnv env;
  env.vars["AWS_SHARED_CREDENTIALS_FILE"] = WriteFile(
      "credentials",
      "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = "
      "s1\n\n# comment\n[dev]\naws_access_key_id=AKIDDEV\n"
      "aws_secret_access_key=s2\naws_session_token = tok\n");
  env.vars["AWS_CONFIG_FILE"] = WriteFile(
      "config",
      "[default]\nregion = eu-west-1\n[profile ops]\nregion = us-west-2\n"
      "aws_access_key_id = AKIDOPS\naws_secret_access_key = s3\n"
      "[profile sso]\nsso_session = corp\n");
  AwsSettings s;
  Result<AwsCredentials> c = LoadAwsCredentials(s, env.lookup());
  REQUIRE(c.ok());
  CHECK(c->access_key_id == "AKIDDEFAULT");
  CHECK(c->source.find("profile 'default'") == 0);
  CHECK(ResolveAwsRegion(s, env.lookup()) == "eu-west-1");

  env.vars["AWS_PROFILE"] = "dev";
  c = LoadAwsCredentials(s, env.lookup());
  REQUIRE(c.ok());
  CHECK(c->access_key_id == "AKIDDEV");
  CHECK(c->session_token == "tok");

  s.profile = "ops";  // keys in the config file, its region too
  c = LoadAwsCredentials(s, env.lookup());
  REQUIRE(c.ok());
  CHECK(c->access_key_id == "AKIDOPS");
  CHECK(ResolveAwsRegion(s, env.lookup()) == "us-west-2");
  env.vars["AWS_REGION"] = "ap-south-1";
  CHECK(ResolveAwsRegion(s, env.lookup()) == "ap-south-1");
  s.region = "sa-east-1";
  CHECK(ResolveAwsRegion(s, env.lookup()) == "sa-east-1");

  // Keys in the environment win, unless --profile names a profile.
  env.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  env.vars["AWS_SECRET_ACCESS_KEY"] = "s4";
  c = LoadAwsCredentials(s, env.lookup());
  CHECK(c->access_key_id == "AKIDOPS");
  s.profile.clear();
  c = LoadAwsCredentials(s, env.lookup());
  CHECK(c->access_key_id == "AKIDENV");
  CHECK(c->source == "the environment (AWS_ACCESS_KEY_ID)");
}

TEST_CASE("credentials: errors say what to do", "[aws]") {
  FakeEnv env;
  env.vars["HOME"] = "/nonexistent";
  AwsSettings s;
  Result<AwsCredentials> c = LoadAwsCredentials(s, env.lookup());
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message().find("set AWS_ACCESS_KEY_ID") !=
        std::string::npos);
  CHECK(c.status().message().find("/nonexistent/.aws/credentials") !=
        std::string::npos);
  s.profile = "nosuch";
  c = LoadAwsCredentials(s, env.lookup());
  CHECK(c.status().message().find("'nosuch' is in neither") !=
        std::string::npos);
  env.vars["AWS_CONFIG_FILE"] =
      WriteFile("config_sso", "[profile sso]\nsso_session = corp\n");
  s.profile = "sso";
  c = LoadAwsCredentials(s, env.lookup());
  CHECK(c.status().message().find("through sso_session") != std::string::npos);
  s.profile.clear();
  env.vars["AWS_ACCESS_KEY_ID"] = "AKID";
  c = LoadAwsCredentials(s, env.lookup());
  CHECK(c.status().message().find("AWS_SECRET_ACCESS_KEY is not") !=
        std::string::npos);
}

}  // namespace
}  // namespace flowmon

// libcurl opened at the first request (src/aws/curl_library.h).
#include "aws/curl_library.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("libcurl loads on first use with every function bound", "[aws]") {
  const Result<const CurlLibrary*> curl = Curl();
  REQUIRE(curl.ok());
  const CurlLibrary& lib = *curl.value();
  CHECK(std::string(lib.easy_strerror(CURLE_OK)) == "No error");
  CURL* c = lib.easy_init();
  REQUIRE(c != nullptr);
  CHECK(lib.easy_setopt(c, CURLOPT_URL, "http://127.0.0.1:9/") == CURLE_OK);
  lib.easy_cleanup(c);
  curl_slist* list = lib.slist_append(nullptr, "X-A: 1");
  REQUIRE(list != nullptr);
  CHECK(std::string(list->data) == "X-A: 1");
  lib.slist_free_all(list);
  // The same library each time.
  CHECK(Curl().value() == curl.value());
}

TEST_CASE("a transfer owns its handle and its list", "[aws]") {
  Result<CurlTransfer> started = CurlTransfer::Start();
  REQUIRE(started.ok());
  CurlTransfer& t = started.value();
  REQUIRE(t.handle() != nullptr);
  CHECK(t.list() == nullptr);
  REQUIRE(t.Append("X-A: 1"));
  REQUIRE(t.Append("X-B: 2"));
  REQUIRE(t.list() != nullptr);
  CHECK(std::string(t.list()->data) == "X-A: 1");
  REQUIRE(t.list()->next != nullptr);
  CHECK(std::string(t.list()->next->data) == "X-B: 2");
  CHECK(t.list()->next->next == nullptr);
}

TEST_CASE("a libcurl that cannot be loaded is an error naming it", "[aws]") {
  const Result<CurlLibrary> missing =
      LoadCurlLibrary("libflowmon-no-such-curl.so.4");
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == Status::Code::kIoError);
  CHECK(missing.status().message().find(
            "cannot load libcurl (libflowmon-no-such-curl.so.4)") == 0);
}

}  // namespace
}  // namespace flowmon

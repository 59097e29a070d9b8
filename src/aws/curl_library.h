// libcurl, opened the first time flowmon sends a request instead of linked
// into the binary: linking it makes the dynamic loader map and relocate
// some thirty libraries (TLS, Kerberos, LDAP, SSH...) at every start, about
// 10 ms of each run, most of which never sends anything (docs/benchmarks.md,
// "Start-up"). The headers, the library and its version are still the ones
// CMake found (find_package(CURL)).
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "flowmon/core/status.h"

namespace flowmon {

// The libcurl functions flowmon calls, by the same names without `curl_`.
struct CurlLibrary {
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
};

// libcurl, loaded and initialised (curl_global_init) by the first call on
// any thread, and kept until the process exits; or why it could not be
// (an IoError naming the library and the loader's message).
Result<const CurlLibrary*> Curl();

// What Curl() does once, with the library named `soname`. A library it
// opens stays open.
Result<CurlLibrary> LoadCurlLibrary(const char* soname);

// One transfer: libcurl (Curl()), a fresh easy handle and the one list it
// sends (HTTP headers, SMTP recipients), freed together.
class CurlTransfer {
 public:
  // Or why not: libcurl could not be loaded or made no handle.
  static Result<CurlTransfer> Start();

  const CurlLibrary& lib() const { return *lib_; }
  CURL* handle() const { return handle_.get(); }
  // Appends `item` to the list; false (the list as it was) when libcurl
  // could not.
  [[nodiscard]] bool Append(const std::string& item);
  curl_slist* list() const { return list_.get(); }

 private:
  CurlTransfer(const CurlLibrary* lib, CURL* handle)
      : lib_(lib),
        handle_(handle, lib->easy_cleanup),
        list_(nullptr, lib->slist_free_all) {}

  const CurlLibrary* lib_;
  std::unique_ptr<CURL, void (*)(CURL*)> handle_;
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> list_;
};

}  // namespace flowmon

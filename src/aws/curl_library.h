// libcurl, opened the first time flowmon sends a request instead of linked
// into the binary: linking it makes the dynamic loader map and relocate
// some thirty libraries (TLS, Kerberos, LDAP, SSH...) at every start, 12 ms
// of each run, most of which never sends anything (docs/benchmarks.md,
// "Start-up"). The headers, the library and its version are still the ones
// CMake found (find_package(CURL)).
#pragma once

#include <curl/curl.h>

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

}  // namespace flowmon

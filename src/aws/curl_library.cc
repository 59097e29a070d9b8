#include "aws/curl_library.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <string>

namespace flowmon {
namespace {

template <typename F>
bool Bind(void* handle, const char* name, F* out) {
  *out = reinterpret_cast<F>(::dlsym(handle, name));
  return *out != nullptr;
}

}  // namespace

Result<CurlLibrary> LoadCurlLibrary(const char* soname) {
  // Never closed: libcurl keeps global state (curl_global_init) for as
  // long as the process lives.
  void* handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    return Status::IoError(fmt::format("cannot load libcurl ({}): {}", soname,
                                       why != nullptr ? why : "?"));
  }
  CurlLibrary lib;
  const char* missing = nullptr;
  auto bind = [&](const char* name, auto* out) {
    if (missing == nullptr && !Bind(handle, name, out)) missing = name;
  };
  decltype(&curl_global_init) global_init = nullptr;
  bind("curl_global_init", &global_init);
  bind("curl_easy_init", &lib.easy_init);
  bind("curl_easy_cleanup", &lib.easy_cleanup);
  bind("curl_easy_setopt", &lib.easy_setopt);
  bind("curl_easy_perform", &lib.easy_perform);
  bind("curl_easy_getinfo", &lib.easy_getinfo);
  bind("curl_easy_strerror", &lib.easy_strerror);
  bind("curl_slist_append", &lib.slist_append);
  bind("curl_slist_free_all", &lib.slist_free_all);
  if (missing != nullptr) {
    return Status::IoError(
        fmt::format("cannot load libcurl ({}): no {}", soname, missing));
  }
  if (const CURLcode rc = global_init(CURL_GLOBAL_DEFAULT); rc != CURLE_OK) {
    return Status::IoError(
        fmt::format("cannot initialise libcurl: {}", lib.easy_strerror(rc)));
  }
  return lib;
}

Result<CurlTransfer> CurlTransfer::Start() {
  const Result<const CurlLibrary*> loaded = Curl();
  if (!loaded.ok()) return loaded.status();
  const CurlLibrary* lib = loaded.value();
  CURL* handle = lib->easy_init();
  if (handle == nullptr) return Status::IoError("cannot initialise libcurl");
  return CurlTransfer(lib, handle);
}

bool CurlTransfer::Append(const std::string& item) {
  curl_slist* const longer = lib_->slist_append(list_.get(), item.c_str());
  if (longer == nullptr) return false;
  (void)list_.release();  // `longer` holds it
  list_.reset(longer);
  return true;
}

Result<const CurlLibrary*> Curl() {
  // Once, on whichever thread asks first; the others wait for it.
  // FLOWMON_CURL_LIBRARY: the soname of the libcurl CMake found.
  static const Result<CurlLibrary> loaded =
      LoadCurlLibrary(FLOWMON_CURL_LIBRARY);
  if (!loaded.ok()) return loaded.status();
  return &loaded.value();
}

}  // namespace flowmon

#include "flowmon/ingest/remote_input.h"

#include <utility>

namespace flowmon {
namespace {

struct Registered {
  std::string scheme;
  std::shared_ptr<RemoteInputProvider> provider;
};

std::vector<Registered>& Registry() {
  static std::vector<Registered> registry;
  return registry;
}

}  // namespace

void RegisterRemoteInputs(std::string scheme,
                          std::shared_ptr<RemoteInputProvider> provider) {
  for (Registered& r : Registry()) {
    if (r.scheme == scheme) {
      r.provider = std::move(provider);
      return;
    }
  }
  Registry().push_back({std::move(scheme), std::move(provider)});
}

RemoteInputProvider* FindRemoteInputs(std::string_view path) {
  for (const Registered& r : Registry()) {
    if (path.starts_with(r.scheme)) return r.provider.get();
  }
  return nullptr;
}

}  // namespace flowmon

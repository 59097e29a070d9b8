// What bounds a delivery: the exec timeout, the per-target budget for
// failed deliveries, whole lines in files (or an error that says why).
#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "catch.h"
#include "flowmon/notify/messages.h"
#include "flowmon/notify/notifications.h"
#include "flowmon/notify/notifier.h"

namespace flowmon {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Notice {
  AlarmSpec spec;
  AlarmIdentity id;
  AlarmTransition t{1563108240, AlarmState::kOk, AlarmState::kAlarm, "x"};
  AlarmNotice notice;
  Notice() {
    spec.name = "ssh-rejects";
    notice.spec = &spec;
    notice.id = &id;
    notice.transition = &t;
    notice.sns_json = SnsAlarmMessage(spec, id, t);
  }
};

std::unique_ptr<NotifyTarget> Target(const std::string& spec) {
  Result<std::unique_ptr<NotifyTarget>> t =
      ParseNotifyTarget(spec, TargetSettings{}, NotifyContext{});
  REQUIRE(t.ok());
  return std::move(*t);
}

// A listening socket on 127.0.0.1 that never accepts: the kernel completes
// connections, nobody ever answers — a hanging webhook.
struct HangingServer {
  int fd = -1;
  int port = 0;
  HangingServer() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd, 64) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  ~HangingServer() { ::close(fd); }
};

TEST_CASE("exec: a command past its timeout is killed, group and all",
          "[notify]") {
  Notice n;
  char dir[] = "/tmp/flowmon-exec-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  const std::string pidfile = std::string(dir) + "/pid";
  // The shell's background child is in the command's process group: it
  // must not outlive the kill.
  auto target =
      Target("{timeout=0.3}exec:sleep 30 & echo $! > " + pidfile + "; wait");
  const auto start = Clock::now();
  Status s = target->Deliver(n.notice);
  CHECK(SecondsSince(start) < 5);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("killed after the 0.3 s timeout") !=
        std::string::npos);
  std::ifstream in(pidfile);
  int pid = 0;
  REQUIRE(in >> pid);
  // Gone, or a zombie waiting for its new parent to reap it. SIGKILL is
  // delivered asynchronously: on a loaded machine the child may still be
  // running for a moment after the kill, so give it up to 5 s to die.
  std::string state;
  for (int i = 0; i < 500; ++i) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string field;
    if (!(stat >> field >> field >> state)) state.clear();
    if (state.empty() || state == "Z") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK((state.empty() || state == "Z"));
  std::remove(pidfile.c_str());
  ::rmdir(dir);
}

TEST_CASE("exec: the message on stdin, the exit status reported", "[notify]") {
  Notice n;
  CHECK(Target("exec:grep -q '\"NewStateValue\":\"ALARM\"'")
            ->Deliver(n.notice)
            .ok());
  Status s = Target("exec:exit 3")->Deliver(n.notice);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "'exit 3' exited with status 3");
}

TEST_CASE("a hanging webhook costs at most its budget", "[notify]") {
  HangingServer hang;
  char dir[] = "/tmp/flowmon-budget-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  NotificationsConfig config;
  config.targets = {fmt::format(
      "{{timeout=0.2;retries=0;budget=0.3}}webhook:http://127.0.0.1:{}/h",
      hang.port)};
  config.dead_letter = std::string(dir) + "/dead.jsonl";
  std::vector<std::string> reports;
  Result<Notifications> made = Notifications::Create(
      config, [&](std::string_view m) { reports.emplace_back(m); });
  REQUIRE(made.ok());
  Notice n;
  const auto start = Clock::now();
  for (int i = 0; i < 10; ++i) {
    n.t.time += 60;
    made->Deliver(n.spec, n.id, n.t);
  }
  // Two attempts of 0.2 s spend the 0.3 s budget; the other eight are not
  // attempted (10 × 0.2 s without the budget).
  CHECK(SecondsSince(start) < 1.5);
  CHECK(made->failures() == 10);
  REQUIRE(reports.size() == 10);
  CHECK(reports[0].find("not attempted") == std::string::npos);
  CHECK(reports[9].find("not attempted: ") != std::string::npos);
  CHECK(reports[9].find("0.3 s budget") != std::string::npos);
  std::ifstream dead(config.dead_letter);
  int lines = 0;
  for (std::string line; std::getline(dead, line);) ++lines;
  CHECK(lines == 10);
  std::remove(config.dead_letter.c_str());
  ::rmdir(dir);
}

TEST_CASE("file: on a full disk, the error says why and names the file",
          "[notify]") {
  Notice n;
  Status s = Target("file:/dev/full")->Deliver(n.notice);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "cannot write to /dev/full: No space left on device");
}

}  // namespace
}  // namespace flowmon

// exec:COMMAND targets: the SNS JSON on the command's stdin, with the
// target's timeout; the command runs in its own process group, killed
// whole on timeout or when flowmon is asked to stop (SIGINT/SIGTERM).
#pragma once

#include <memory>
#include <string>

#include "flowmon/notify/notifier.h"

namespace flowmon {

std::unique_ptr<NotifyTarget> MakeExecTarget(std::string command);

}  // namespace flowmon

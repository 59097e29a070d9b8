// The process's own streams: stderr messages that a terminal cannot take as
// commands, and the final check that stdout got every byte.
#pragma once

#include <spdlog/logger.h>

#include <memory>

namespace flowmon {

// A logger writing "flowmon: MESSAGE" lines to stderr with every terminal
// control in them (a file name holding ESC, say) written as \xNN
// (core/terminal_text.h), so that no message can drive the terminal.
std::shared_ptr<spdlog::logger> NewStderrLogger();

// The exit code of a run whose subcommand returned `code`: `code`, or 3
// after an error naming stdout when a write to stdout failed (a full disk,
// /dev/full). A reader that went away (EPIPE) is not an error.
int FinishRun(int code);

}  // namespace flowmon

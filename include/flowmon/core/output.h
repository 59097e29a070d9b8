// Output: how flowmon writes a result to stdout or a file, so that a write
// that fails (a full disk, /dev/full, a closed descriptor) ends the run as
// an error naming the destination instead of a silent exit 0.
#pragma once

#include <cstdio>
#include <string_view>

#include "flowmon/core/status.h"

namespace flowmon {

// Writes `bytes` to `f`. False when the write failed; the failure's errno
// is kept for FinishOutput (the stream's error flag stays set). Safe to
// call from several threads on different streams.
bool WriteOutput(std::FILE* f, std::string_view bytes);

// Flushes `f` (a stream's output as it happens); false when that failed,
// the failure kept for FinishOutput as with WriteOutput.
bool FlushOutput(std::FILE* f);

// Flushes `f` and reports whether every write to it succeeded: OK, or an
// IoError (exit 3) "cannot write to NAME: REASON" where `name` is "stdout"
// or the file's path. A reader that went away (EPIPE, `| head` with
// SIGPIPE ignored) is OK: the output was not wanted any more, as ripgrep
// treats it. Clears the stream's error flag, so a failure is reported
// once. Does not close `f`.
Status FinishOutput(std::FILE* f, std::string_view name);

// FinishOutput, then fclose(f), whose failure is an error too.
Status CloseOutput(std::FILE* f, std::string_view name);

// Sets the function WriteOutput and FlushOutput call after each failed
// write to stdout (null: none). The CLI ends the input there: nobody will
// see the rest of the output, and an endless input would otherwise be
// read on forever. `listener` must be safe to call from any thread.
void SetStdoutFailureListener(void (*listener)());

}  // namespace flowmon

#include "flowmon/ingest/input_files.h"

#include <dirent.h>
#include <errno.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "flowmon/core/text_split.h"
#include "flowmon/core/time_util.h"
#include "flowmon/ingest/remote_input.h"

namespace flowmon {
namespace {

// A directory on the path from the walk's root, to tell a symbolic link
// that leads back to one of them (a loop) from one that leads elsewhere.
struct Ancestor {
  dev_t dev;
  ino_t ino;
  std::string path;
};

// Walks directory trees, following symbolic links, and collects their
// regular files, each once (by device and inode): a directory or file
// reached again by another link (or a hard link) is not read again, so
// that links that fan out (l1 -> ., l2 -> . one level down, and so on)
// cost one walk, not one per path. Links are followed after the tree's own
// directories, in name order, so a file is named by its path without links
// when it has one, and by the same path on every run. Whatever cannot be
// read is reported by its own path and the walk goes on.
class TreeWalk {
 public:
  explicit TreeWalk(ExpandedInputs* out) : out_(out) {}

  // Walks `dir`, a directory with stat `st`, and then the links found.
  void WalkTree(const std::string& dir, const struct stat& st) {
    ancestors_.clear();
    Walk(dir, st);
    while (!links_.empty()) {
      Link link = std::move(links_.front());
      links_.pop_front();
      ancestors_ = std::move(link.ancestors);
      Follow(std::move(link.path), link.st);
    }
  }

  std::vector<std::string> files;

 private:
  // A symbolic link found, to follow once the tree's own entries are in.
  struct Link {
    std::string path;
    struct stat st;  // of its target
    std::vector<Ancestor> ancestors;
  };

  void Walk(const std::string& dir, const struct stat& st) {
    if (!seen_dirs_.insert({st.st_dev, st.st_ino}).second) return;
    ancestors_.push_back({st.st_dev, st.st_ino, dir});
    std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), ::closedir);
    if (d == nullptr) {
      Error(dir, "cannot read directory", errno);
      ancestors_.pop_back();
      return;
    }
    struct Item {
      std::string name;
      unsigned char type;
      ino_t ino;
    };
    std::vector<Item> items;
    while (true) {
      errno = 0;
      const dirent* e = ::readdir(d.get());
      if (e == nullptr) {
        if (errno != 0) Error(dir, "cannot read directory", errno);
        break;
      }
      const std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      items.push_back({std::string(name), e->d_type, e->d_ino});
    }
    d.reset();  // one directory open at a time, however deep the tree
    std::sort(items.begin(), items.end(),
              [](const Item& x, const Item& y) { return x.name < y.name; });
    const std::string prefix = dir.ends_with('/') ? dir : dir + '/';
    for (const Item& item : items) {
      Entry(prefix + item.name, item.type, st.st_dev, item.ino);
    }
    ancestors_.pop_back();
  }

  void Entry(std::string path, unsigned char type, dev_t dir_dev, ino_t ino) {
    if (type == DT_REG) {
      // A regular file's inode is its directory entry's, on the
      // directory's device (mount points are directories): no stat().
      File(std::move(path), dir_dev, ino);
      return;
    }
    if (type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN) return;
    struct stat st;
    if (type != DT_LNK) {
      if (::lstat(path.c_str(), &st) != 0) {
        Error(path, "cannot read", errno);
        return;
      }
      if (S_ISDIR(st.st_mode)) {
        Walk(path, st);
        return;
      }
      if (S_ISREG(st.st_mode)) {
        File(std::move(path), st.st_dev, st.st_ino);
        return;
      }
      if (!S_ISLNK(st.st_mode)) return;
    }
    if (::stat(path.c_str(), &st) != 0) {
      Error(path, "cannot read", errno);  // a broken link, or no access
      return;
    }
    links_.push_back({std::move(path), st, ancestors_});
  }

  // A link's target (stat `st`), reached from ancestors_.
  void Follow(std::string path, const struct stat& st) {
    if (S_ISREG(st.st_mode)) {
      File(std::move(path), st.st_dev, st.st_ino);
    } else if (S_ISDIR(st.st_mode)) {
      for (const Ancestor& a : ancestors_) {
        if (a.dev == st.st_dev && a.ino == st.st_ino) {
          out_->errors.push_back(Status::IoError(
              fmt::format("{}: symbolic link loop (back to {}), not followed",
                          path, a.path)));
          return;
        }
      }
      Walk(path, st);
    }
    // FIFOs, sockets and devices in a tree are not log files: skipped.
  }

  void File(std::string path, dev_t dev, ino_t ino) {
    if (seen_files_.insert({dev, ino}).second) files.push_back(std::move(path));
  }

  void Error(const std::string& path, const char* what, int err) {
    out_->errors.push_back(Status::IoError(
        fmt::format("{}: {}: {}", path, what, std::strerror(err))));
  }

  ExpandedInputs* out_;
  std::vector<Ancestor> ancestors_;
  std::deque<Link> links_;
  std::set<std::pair<dev_t, ino_t>> seen_dirs_;
  std::set<std::pair<dev_t, ino_t>> seen_files_;
};

ExpandedInputs Expand(const std::vector<std::string>& paths,
                      const RemoteQuery& query, size_t* remote_pruned) {
  ExpandedInputs out;
  if (paths.empty()) {
    out.files.push_back("-");
    return out;
  }
  // One walk for every directory named: a tree named twice over (logs/ and
  // logs/2019/) is read once too.
  TreeWalk walk(&out);
  for (const std::string& path : paths) {
    if (RemoteInputProvider* remote = FindRemoteInputs(path)) {
      Status s = remote->Expand(path, query, &out.files, remote_pruned);
      if (!s.ok()) out.errors.push_back(std::move(s));
      continue;
    }
    struct stat st;
    if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      // Files, FIFOs and missing paths alike: OpenSource reports problems.
      out.files.push_back(path);
      continue;
    }
    walk.files.clear();
    walk.WalkTree(path, st);
    std::sort(walk.files.begin(), walk.files.end());
    out.files.insert(out.files.end(), walk.files.begin(), walk.files.end());
  }
  return out;
}

}  // namespace

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths) {
  size_t remote_pruned = 0;
  return Expand(paths, RemoteQuery{}, &remote_pruned);
}

namespace {

// Parses "2019", "07", "14" style path parts; false when not all digits.
bool Digits(std::string_view s, size_t n, int* out) {
  if (s.size() != n) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// A path's '/'-separated parts, Hive-style "year=2019" read as "2019".
std::vector<std::string_view> DateParts(std::string_view path) {
  std::vector<std::string_view> parts = SplitView(path, '/');
  for (std::string_view& part : parts) {
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos) part.remove_prefix(eq + 1);  // year=2019
  }
  return parts;
}

// Epoch seconds of the start of y-m-d.
int64_t DayStart(int y, int m, int d) {
  Result<int64_t> t = ParseTimeArg(fmt::format("{:04}-{:02}-{:02}", y, m, d));
  return t.ok() ? *t : -1;
}

}  // namespace

bool PathTimeSpan(std::string_view path, int64_t* begin, int64_t* end) {
  const std::vector<std::string_view> parts = DateParts(path);
  // The last directories (not the file name) that read YYYY/MM/DD[/HH].
  for (size_t i = 0; i + 3 < parts.size(); ++i) {
    int y, m, d, h = -1;
    if (!Digits(parts[i], 4, &y) || !Digits(parts[i + 1], 2, &m) ||
        !Digits(parts[i + 2], 2, &d)) {
      continue;
    }
    if (i + 4 < parts.size() && !Digits(parts[i + 3], 2, &h)) h = -1;
    const int64_t day = DayStart(y, m, d);
    if (day < 0) return false;
    *begin = day + (h >= 0 ? h * 3600 : 0);
    *end = *begin + (h >= 0 ? 3600 : 86400);
    return true;
  }
  return false;
}

bool FolderTimeSpan(std::string_view folder, int64_t* begin, int64_t* end) {
  while (folder.ends_with('/')) folder.remove_suffix(1);
  const std::vector<std::string_view> parts = DateParts(folder);
  // The year is 1 to 4 parts from the end: YYYY[/MM[/DD[/HH]]].
  for (size_t depth = 1; depth <= 4 && depth <= parts.size(); ++depth) {
    const size_t first = parts.size() - depth;
    int v[4] = {0, 1, 1, 0};
    bool ok = Digits(parts[first], 4, &v[0]);
    for (size_t k = 1; ok && k < depth; ++k) {
      ok = Digits(parts[first + k], 2, &v[k]);
    }
    if (!ok || v[1] < 1 || v[1] > 12) continue;
    const int64_t start = DayStart(v[0], v[1], v[2]);
    if (start < 0) continue;
    *begin = start + v[3] * 3600;
    switch (depth) {
      case 1:
        *end = DayStart(v[0] + 1, 1, 1);
        break;
      case 2:
        *end =
            v[1] == 12 ? DayStart(v[0] + 1, 1, 1) : DayStart(v[0], v[1] + 1, 1);
        break;
      case 3:
        *end = start + 86400;
        break;
      default:
        *end = *begin + 3600;
        break;
    }
    return true;
  }
  return false;
}

bool SpanOutsideRange(int64_t begin, int64_t end, std::optional<int64_t> since,
                      std::optional<int64_t> until) {
  return (until && begin - kDeliveryMarginSeconds >= *until) ||
         (since && end <= *since);
}

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths,
                            std::optional<int64_t> since,
                            std::optional<int64_t> until, size_t* pruned) {
  RemoteQuery query;
  query.since = since;
  query.until = until;
  size_t skipped = 0;
  ExpandedInputs all = Expand(paths, query, &skipped);
  if (!since && !until) return all;
  ExpandedInputs out;
  out.errors = std::move(all.errors);
  for (std::string& f : all.files) {
    int64_t begin, end;
    if (f != "-" && PathTimeSpan(f, &begin, &end) &&
        SpanOutsideRange(begin, end, since, until)) {
      ++skipped;
      continue;
    }
    out.files.push_back(std::move(f));
  }
  if (pruned != nullptr) *pruned = skipped;
  return out;
}

}  // namespace flowmon

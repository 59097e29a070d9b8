#include "pipeline/copied_blocks.h"

#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

// Copies out of a string, as a mapped file's pread would; past `cut`
// bytes it copies nothing, as a file that shrank under the mapping.
class StringCopySource : public Source {
 public:
  StringCopySource(std::string data, size_t cut)
      : Source("in"), data_(std::move(data)), cut_(cut) {}
  Status Next(Chunk* chunk) override {
    chunk->data = data_;
    return Status::Ok();
  }
  bool whole() const override { return true; }
  uint64_t bytes_consumed() const override { return 0; }
  size_t CopyOut(size_t offset, char* buf, size_t len) const override {
    if (offset >= cut_) return 0;
    const size_t n = std::min(len, cut_ - offset);
    data_.copy(buf, n, offset);
    return n;
  }
  bool copies_out() const override { return true; }
  const std::string& data() const { return data_; }

 private:
  std::string data_;
  size_t cut_;
};

struct Block {
  std::string text;
  size_t at;
  bool copied;  // in the buffer, not a view of the data
};

std::vector<Block> Blocks(const CopiedInput& input, size_t begin, size_t end,
                          size_t buffer_bytes, size_t stop_after = SIZE_MAX) {
  std::vector<char> buffer(buffer_bytes);
  std::vector<Block> blocks;
  bool cut = false;
  ScanCopied(input, begin, end, &buffer, &cut,
             [&](std::string_view b, size_t at) {
               const bool copied = b.data() >= buffer.data() &&
                                   b.data() < buffer.data() + buffer.size();
               blocks.push_back({std::string(b), at, copied});
               return blocks.size() < stop_after;
             });
  return blocks;
}

std::string Joined(const std::vector<Block>& blocks) {
  std::string all;
  for (const Block& b : blocks) all += b.text;
  return all;
}

TEST_CASE("ScanCopied hands out whole lines in order, copied",
          "[pipeline][copied]") {
  const std::string text = "aa\nbbbb\ncc\nd\neeeeeeeeeeeeeeeeeeeeeeee\nf\ng";
  StringCopySource source(text, SIZE_MAX);
  const CopiedInput input{&source, source.data(), 0};
  for (size_t buffer : {1, 2, 3, 5, 8, 13, 64}) {
    INFO("buffer " << buffer);
    const std::vector<Block> blocks = Blocks(input, 0, text.size(), buffer);
    CHECK(Joined(blocks) == text);
    size_t at = 0;
    for (const Block& b : blocks) {
      CHECK(b.at == at);
      at += b.text.size();
      // Every block but the input's last ends a line.
      if (at < text.size()) CHECK(b.text.back() == '\n');
      // A block the buffer cannot hold is a view of the data.
      CHECK(b.copied == (b.text.size() <= buffer));
    }
  }
  // A stretch inside the data, from a line's start to past a newline.
  const std::vector<Block> middle = Blocks(input, 3, 13, 4);
  CHECK(Joined(middle) == "bbbb\ncc\nd\n");
  CHECK(middle.front().at == 3);
}

// Whether ScanCopied found the file cut over data[begin, end).
bool Cut(const CopiedInput& input, size_t begin, size_t end, size_t buffer) {
  std::vector<char> b(buffer);
  bool cut = false;
  ScanCopied(input, begin, end, &b, &cut,
             [](std::string_view, size_t) { return true; });
  return cut;
}

TEST_CASE("ScanCopied ends where a copy of a shrunk file comes up short",
          "[pipeline][copied]") {
  // The file was cut at byte 7 while it was read: it ends there now. The
  // whole lines copied are scanned, not the one the cut split, nor anything
  // after it; the caller hears of the cut.
  const std::string text = "aa\nbb\ncc\ndd\n";
  StringCopySource source(text, 7);
  const CopiedInput input{&source, source.data(), 0};
  const std::vector<Block> blocks = Blocks(input, 0, text.size(), 4);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].text == "aa\n");
  CHECK(blocks[1].text == "bb\n");
  CHECK(Cut(input, 0, text.size(), 4));
  CHECK_FALSE(Cut(input, 0, 6, 4));  // before the cut
  // A stretch wholly past the cut scans nothing.
  CHECK(Blocks(input, 9, text.size(), 4).empty());
  CHECK(Cut(input, 9, text.size(), 4));
  // A short copy that ends on a newline keeps its last line.
  StringCopySource at_newline(text, 9);
  const CopiedInput input9{&at_newline, at_newline.data(), 0};
  CHECK(Joined(Blocks(input9, 0, text.size(), 64)) == "aa\nbb\ncc\n");
}

TEST_CASE("ScanCopied does not read a long line past a cut",
          "[pipeline][copied]") {
  // A line longer than the buffer is read where it is mapped, once a copy
  // of its last byte says the file still has it.
  const std::string text = "aa\n" + std::string(20, 'x') + "\nbb\n";
  StringCopySource whole(text, SIZE_MAX);
  const CopiedInput all{&whole, whole.data(), 0};
  const std::vector<Block> blocks = Blocks(all, 0, text.size(), 4);
  CHECK(Joined(blocks) == text);
  CHECK_FALSE(Cut(all, 0, text.size(), 4));
  StringCopySource cut_in_line(text, 10);
  const CopiedInput cut{&cut_in_line, cut_in_line.data(), 0};
  CHECK(Joined(Blocks(cut, 0, text.size(), 4)) == "aa\n");
  CHECK(Cut(cut, 0, text.size(), 4));
}

TEST_CASE("ScanCopied stops when the scan does, and copies at an offset",
          "[pipeline][copied]") {
  const std::string chunk = "header\naa\nbb\ncc\n";
  StringCopySource source(chunk, SIZE_MAX);
  // The stretch scanned begins after the chunk's first line.
  const CopiedInput input{&source, std::string_view(source.data()).substr(7),
                          7};
  const std::vector<Block> all = Blocks(input, 0, 9, 3);
  CHECK(Joined(all) == "aa\nbb\ncc\n");
  const std::vector<Block> first = Blocks(input, 0, 9, 3, 1);
  REQUIRE(first.size() == 1);
  CHECK(first[0].text == "aa\n");
  // Without a source, the stretch itself is the one block.
  const CopiedInput view{nullptr, input.data, 0};
  const std::vector<Block> one = Blocks(view, 3, 9, 3);
  REQUIRE(one.size() == 1);
  CHECK(one[0].text == "bb\ncc\n");
}

}  // namespace
}  // namespace flowmon

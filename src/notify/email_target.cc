#include "notify/email_target.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <functional>

#include "aws/curl_library.h"
#include "flowmon/core/text_split.h"
#include "flowmon/core/time_util.h"
#include "flowmon/notify/messages.h"
#include "notify/retry.h"

namespace flowmon {
namespace {

constexpr const char* kDefaultFrom = "flowmon <flowmon@localhost>";

std::string Base64(std::string_view in, bool wrap) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t line = 0;
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back(i + 2 < in.size() ? kAlphabet[v & 63] : '=');
    if (wrap && (line += 4) >= 76 && i + 3 < in.size()) {
      out += "\r\n";
      line = 0;
    }
  }
  return out;
}

// A header value: as is when ASCII, else an RFC 2047 encoded word.
std::string HeaderText(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || c < 0x20) return "=?UTF-8?B?" + Base64(s, false) + "?=";
  }
  return s;
}

// "Name <a@b>" or "a@b" -> "<a@b>".
std::string Envelope(const std::string& address) {
  const size_t lt = address.find('<');
  const size_t gt = address.find('>', lt == std::string::npos ? 0 : lt);
  if (lt != std::string::npos && gt != std::string::npos) {
    return address.substr(lt, gt - lt + 1);
  }
  return "<" + address + ">";
}

std::string RfcDate(int64_t now) {
  return FormatUtc(now, "%a, %d %b %Y %H:%M:%S +0000");
}

struct Upload {
  const std::string* data;
  size_t pos = 0;
};

size_t ReadUpload(char* out, size_t size, size_t n, void* user) {
  Upload* u = static_cast<Upload*>(user);
  const size_t len = std::min(size * n, u->data->size() - u->pos);
  std::memcpy(out, u->data->data() + u->pos, len);
  u->pos += len;
  return len;
}

class EmailTarget : public NotifyTarget {
 public:
  EmailTarget(std::vector<std::string> to, TargetSettings settings,
              const NotifyContext& c, long use_ssl)
      : to_(std::move(to)),
        url_(c.smtp_url),
        from_(c.smtp_from.empty() ? kDefaultFrom : c.smtp_from),
        use_ssl_(use_ssl) {
    settings_ = std::move(settings);
    if (const char* u = c.env("FLOWMON_SMTP_USER")) user_ = u;
    if (const char* p = c.env("FLOWMON_SMTP_PASSWORD")) password_ = p;
  }

  Status Deliver(const AlarmNotice& n) override {
    if (n.transition == nullptr) return NotAnAlarm("the email");
    const std::string message =
        AlarmEmailMime(n, from_, to_, settings_.format,
                       static_cast<int64_t>(std::time(nullptr)));
    return WithRetries(settings_, [&] { return Send(message); });
  }
  std::string name() const override {
    return fmt::format("email:{}", fmt::join(to_, ","));
  }

 private:
  // "" once the server took the message, else what went wrong.
  std::string Send(const std::string& message) {
    Result<CurlTransfer> started = CurlTransfer::Start();
    if (!started.ok()) return started.status().message();
    CurlTransfer& transfer = started.value();
    const CurlLibrary& lib = transfer.lib();
    CURL* c = transfer.handle();
    for (const std::string& a : to_) {
      if (!transfer.Append(Envelope(a))) return "cannot add a recipient";
    }
    const std::string mail_from = Envelope(from_);
    Upload upload{&message};
    char error[CURL_ERROR_SIZE] = "";
    lib.easy_setopt(c, CURLOPT_URL, url_.c_str());
    // Only SMTP, whatever --smtp-url says (also checked when parsed).
    lib.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    lib.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "smtp,smtps");
    lib.easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
    lib.easy_setopt(c, CURLOPT_MAIL_RCPT, transfer.list());
    lib.easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
    lib.easy_setopt(c, CURLOPT_READDATA, &upload);
    lib.easy_setopt(c, CURLOPT_UPLOAD, 1L);
    lib.easy_setopt(c, CURLOPT_USE_SSL, use_ssl_);
    lib.easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    if (!user_.empty()) {
      lib.easy_setopt(c, CURLOPT_USERNAME, user_.c_str());
      lib.easy_setopt(c, CURLOPT_PASSWORD, password_.c_str());
    }
    const long ms = static_cast<long>(settings_.timeout * 1000);
    lib.easy_setopt(c, CURLOPT_TIMEOUT_MS, ms);
    lib.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, ms);
    lib.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    const CURLcode rc = lib.easy_perform(c);
    if (rc == CURLE_OK) return "";
    return error[0] != '\0'
               ? fmt::format("{}: {}", lib.easy_strerror(rc), error)
               : lib.easy_strerror(rc);
  }

  std::vector<std::string> to_;
  std::string url_, from_, user_, password_;
  long use_ssl_;
};

}  // namespace

std::string AlarmEmailMime(const AlarmNotice& n, const std::string& from,
                           const std::vector<std::string>& to,
                           const std::string& format, int64_t now) {
  std::string out = fmt::format(
      "Date: {}\r\nFrom: {}\r\nTo: {}\r\nSubject: {}\r\nMIME-Version: 1.0\r\n",
      RfcDate(now), from, fmt::join(to, ", "), HeaderText(AlarmSubject(n)));
  if (format == "json") {
    out +=
        "Content-Type: application/json; charset=UTF-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n";
    out += Base64(n.sns_json, true) + "\r\n";
    return out;
  }
  const std::string boundary =
      fmt::format("flowmon-{:016x}", std::hash<std::string>{}(n.sns_json));
  out += fmt::format(
      "Content-Type: multipart/mixed; boundary=\"{b}\"\r\n\r\n"
      "--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n"
      "--{b}\r\nContent-Type: application/json; name=\"alarm.json\"\r\n"
      "Content-Disposition: attachment; filename=\"alarm.json\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n{json}\r\n--{b}--\r\n",
      fmt::arg("b", boundary), fmt::arg("text", AlarmEmailText(n)),
      fmt::arg("json", Base64(n.sns_json, true)));
  return out;
}

Result<std::unique_ptr<NotifyTarget>> MakeEmailTarget(
    const std::string& addresses, TargetSettings settings,
    const NotifyContext& context) {
  if (context.smtp_url.empty()) {
    return Status::InvalidArgument(
        "email needs --smtp-url smtp://HOST:PORT (STARTTLS) or "
        "smtps://HOST:PORT");
  }
  if (!context.smtp_url.starts_with("smtp://") &&
      !context.smtp_url.starts_with("smtps://")) {
    return Status::InvalidArgument(fmt::format(
        "--smtp-url '{}' is not smtp://HOST:PORT or smtps://HOST:PORT",
        context.smtp_url));
  }
  std::vector<std::string> to;
  for (std::string_view piece : SplitView(addresses, ',')) {
    std::string a(piece);
    if (Envelope(a).find('@') == std::string::npos ||
        a.find_first_of("\r\n") != std::string::npos) {
      return Status::InvalidArgument(
          fmt::format("'{}' is not an email address", a));
    }
    to.push_back(std::move(a));
  }
  std::string starttls = context.starttls;
  if (starttls.empty()) {
    // A password never crosses the network in the clear unless asked to.
    starttls = context.env("FLOWMON_SMTP_USER") != nullptr ? "require" : "try";
  }
  long use_ssl;
  if (starttls == "off") {
    use_ssl = CURLUSESSL_NONE;
  } else if (starttls == "try") {
    use_ssl = CURLUSESSL_TRY;
  } else if (starttls == "require") {
    use_ssl = CURLUSESSL_ALL;
  } else {
    return Status::InvalidArgument(
        "--smtp-starttls must be off, try or require");
  }
  return std::unique_ptr<NotifyTarget>(
      new EmailTarget(std::move(to), std::move(settings), context, use_ssl));
}

}  // namespace flowmon

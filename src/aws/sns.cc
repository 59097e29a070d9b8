#include "flowmon/aws/sns.h"

#include "aws/xml_text.h"

namespace flowmon {

std::string ArnRegion(std::string_view arn) {
  size_t pos = 0;
  for (int field = 0; field < 3; ++field) {
    pos = arn.find(':', pos);
    if (pos == std::string_view::npos) return "";
    ++pos;
  }
  const size_t end = arn.find(':', pos);
  if (end == std::string_view::npos) return "";
  return std::string(arn.substr(pos, end - pos));
}

Result<std::string> SnsPublish(AwsClient* client, const std::string& topic_arn,
                               const std::string& subject,
                               const std::string& message) {
  AwsCall call;
  call.service = "sns";
  call.region = ArnRegion(topic_arn);
  if (call.region.empty()) call.region = client->default_region();
  call.method = "POST";
  call.path_and_query = "/";
  call.headers = {"Content-Type: application/x-www-form-urlencoded"};
  std::vector<std::pair<std::string, std::string>> form = {
      {"Action", "Publish"},
      {"Version", "2010-03-31"},
      {"TopicArn", topic_arn},
      {"Message", message}};
  if (!subject.empty()) form.emplace_back("Subject", subject.substr(0, 100));
  call.body = CanonicalQuery(std::move(form));
  call.action = "sns:Publish";
  call.resource = topic_arn;
  Result<HttpResponse> r = client->Call(call);
  if (!r.ok()) return r.status();
  return XmlText(r->body, "MessageId");
}

}  // namespace flowmon

// SNS Publish: a message (and subject) to a topic, in the topic's region.
#pragma once

#include <string>
#include <string_view>

#include "flowmon/aws/aws_client.h"

namespace flowmon {

// The region of an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:...), or "".
std::string ArnRegion(std::string_view arn);

// Publishes; returns the MessageId. `subject` is cut to SNS's 100
// characters. Errors: AwsClient::Call's; the retries are the client's.
Result<std::string> SnsPublish(AwsClient* client, const std::string& topic_arn,
                               const std::string& subject,
                               const std::string& message);

}  // namespace flowmon

#include "flowmon/notify/notifier.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <string>

#include "catch.h"
#include "core/sigpipe_guard.h"
#include "flowmon/check/check_config.h"
#include "flowmon/notify/messages.h"

namespace flowmon {
namespace {

TEST_CASE("the SNS message of a state change", "[notify]") {
  AlarmSpec spec;
  spec.name = "ssh-rejects";
  spec.threshold = 1;
  spec.evaluation_periods = 3;
  spec.datapoints_to_alarm = 2;
  spec.period = 300;
  spec.treat_missing = TreatMissingData::kNotBreaching;
  AlarmIdentity id;
  id.account_id = "086112738802";
  id.region = "eu-west-1";
  id.metric_name = "SSHRejects";
  id.namespace_name = "VPCFlowLogs";
  AlarmTransition t{1563108240, AlarmState::kOk, AlarmState::kAlarm,
                    "Threshold Crossed: x"};
  const std::string m = SnsAlarmMessage(spec, id, t);
  CHECK(
      m ==
      R"j({"AlarmName":"ssh-rejects","AlarmDescription":null,"AWSAccountId":"086112738802",)j"
      R"j("NewStateValue":"ALARM","NewStateReason":"Threshold Crossed: x",)j"
      R"j("StateChangeTime":"2019-07-14T12:44:00.000+0000","Region":"EU (Ireland)",)j"
      R"j("AlarmArn":"arn:aws:cloudwatch:eu-west-1:086112738802:alarm:ssh-rejects",)j"
      R"j("OldStateValue":"OK","Trigger":{"MetricName":"SSHRejects","Namespace":"VPCFlowLogs",)j"
      R"j("StatisticType":"Statistic","Statistic":"SUM","Unit":null,"Dimensions":[],)j"
      R"j("Period":300,"EvaluationPeriods":3,"DatapointsToAlarm":2,)j"
      R"j("ComparisonOperator":"GreaterThanOrEqualToThreshold","Threshold":1.0,)j"
      R"j("TreatMissingData":"notBreaching","EvaluateLowSampleCountPercentile":""}})j");
  spec.stat = *Statistic::Parse("p99");
  CHECK(
      SnsAlarmMessage(spec, id, t)
          .find(
              R"j("StatisticType":"ExtendedStatistic","ExtendedStatistic":"p99")j") !=
      std::string::npos);
  // The alarm's EvaluateLowSampleCountPercentile, as configured.
  spec.low_sample_count = LowSampleCount::kIgnore;
  CHECK(SnsAlarmMessage(spec, id, t)
            .ends_with(R"j("EvaluateLowSampleCountPercentile":"ignore"}})j"));
  CHECK(
      SlackMessage(spec, t) ==
      R"j({"text":"ALARM: \"ssh-rejects\" changed from OK to ALARM at 2019-07-14T12:44:00Z. Threshold Crossed: x"})j");
}

TEST_CASE("a command that exits without reading its message", "[notify]") {
  // exec: targets write to a pipe; when the command has already exited the
  // write must fail with EPIPE, not kill flowmon with SIGPIPE.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);
  {
    SigpipeGuard guard;
    errno = 0;
    CHECK(::write(fds[1], "x", 1) == -1);
    CHECK(errno == EPIPE);
  }
  ::close(fds[1]);
  sigset_t pending;
  sigpending(&pending);
  CHECK_FALSE(sigismember(&pending, SIGPIPE));  // consumed, not left behind
}

TEST_CASE("notify targets", "[notify]") {
  TargetSettings o;
  NotifyContext c;
  CHECK(ParseNotifyTarget("stdout", o, c).ok());
  CHECK(ParseNotifyTarget("file:/tmp/x", o, c).ok());
  CHECK(ParseNotifyTarget("exec:cat", o, c).ok());
  CHECK(ParseNotifyTarget("webhook:https://example.com/hook", o, c).ok());
  CHECK_FALSE(ParseNotifyTarget("file:", o, c).ok());
  CHECK_FALSE(ParseNotifyTarget("webhook:example.com", o, c).ok());
  CHECK_FALSE(ParseNotifyTarget("email:a@b", o, c).ok());  // no --smtp-url
}

}  // namespace
}  // namespace flowmon

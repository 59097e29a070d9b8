#include "flowmon/detect/finding_json.h"

#include "flowmon/core/json_writer.h"
#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

// A tiny builder for the nested objects: keys and values with their commas.
class JsonObject {
 public:
  explicit JsonObject(fmt::memory_buffer* out) : out_(out) {
    out_->push_back('{');
  }
  ~JsonObject() { out_->push_back('}'); }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  void Key(std::string_view k) {
    if (!first_) out_->push_back(',');
    first_ = false;
    AppendJsonString(out_, k);
    out_->push_back(':');
  }
  void String(std::string_view k, std::string_view v) {
    Key(k);
    AppendJsonString(out_, v);
  }
  // null for an empty string.
  void StringOrNull(std::string_view k, std::string_view v) {
    Key(k);
    if (v.empty()) {
      out_->append(std::string_view("null"));
    } else {
      AppendJsonString(out_, v);
    }
  }
  void Number(std::string_view k, double v) {
    Key(k);
    out_->append(FigureText(v));
  }
  void Bool(std::string_view k, bool v) {
    Key(k);
    out_->append(std::string_view(v ? "true" : "false"));
  }
  fmt::memory_buffer* out() { return out_; }

 private:
  fmt::memory_buffer* out_;
  bool first_ = true;
};

std::string Time(int64_t t) {
  std::string iso = FormatIso8601(t);  // ...Z
  iso.pop_back();
  return iso + ".000Z";
}

void IpDetails(JsonObject* o, std::string_view key, std::string_view address,
               std::string_view organization) {
  o->Key(key);
  JsonObject d(o->out());
  d.String(address.find(':') == std::string_view::npos ? "ipAddressV4"
                                                       : "ipAddressV6",
           address);
  if (!organization.empty()) {
    d.Key("organization");
    JsonObject org(d.out());
    org.String("org", organization);
  }
}

void PortDetails(JsonObject* o, std::string_view key, int port,
                 std::string_view name) {
  o->Key(key);
  JsonObject d(o->out());
  d.Number("port", port);
  d.String("portName", name.empty() ? "Unknown" : name);
}

std::string_view ResourceType(const Finding& f) {
  if (f.resource.interface_id.empty()) return "Account";
  if (f.resource.transit_gateway) return "TransitGatewayAttachment";
  return f.resource.instance_id.empty() ? "NetworkInterface" : "Instance";
}

void Resource(JsonObject* o, const Finding& f) {
  o->Key("resource");
  JsonObject r(o->out());
  const FindingResource& res = f.resource;
  r.String("resourceType", ResourceType(f));
  if (res.interface_id.empty()) return;
  if (res.transit_gateway) {
    r.String("transitGatewayAttachmentId", res.interface_id);
    return;
  }
  r.Key("instanceDetails");
  JsonObject inst(r.out());
  inst.StringOrNull("instanceId", res.instance_id);
  if (!res.az_id.empty()) inst.String("availabilityZoneId", res.az_id);
  inst.Key("networkInterfaces");
  inst.out()->push_back('[');
  {
    JsonObject nic(inst.out());
    nic.String("networkInterfaceId", res.interface_id);
    nic.StringOrNull("privateIpAddress", res.address);
    nic.StringOrNull("subnetId", res.subnet_id);
    nic.StringOrNull("vpcId", res.vpc_id);
  }
  inst.out()->push_back(']');
}

void Action(JsonObject* o, const Finding& f) {
  o->Key("action");
  JsonObject a(o->out());
  if (f.port_probe) {
    a.String("actionType", "PORT_PROBE");
    a.Key("portProbeAction");
    JsonObject p(a.out());
    p.Bool("blocked", f.blocked);
    p.Key("portProbeDetails");
    p.out()->push_back('[');
    for (size_t i = 0; i < f.probes.size(); ++i) {
      if (i > 0) p.out()->push_back(',');
      JsonObject d(p.out());
      PortDetails(&d, "localPortDetails", f.probes[i].port, f.probes[i].name);
      if (!f.resource.address.empty()) {
        IpDetails(&d, "localIpDetails", f.resource.address, "");
      }
      IpDetails(&d, "remoteIpDetails", f.probes[i].remote, "");
    }
    p.out()->push_back(']');
    return;
  }
  a.String("actionType", "NETWORK_CONNECTION");
  a.Key("networkConnectionAction");
  JsonObject n(a.out());
  n.Bool("blocked", f.blocked);
  n.String("connectionDirection",
           f.direction.empty() ? "UNKNOWN" : f.direction);
  if (f.protocol >= 0) n.String("protocol", ProtocolName(f.protocol));
  if (!f.resource.address.empty()) {
    IpDetails(&n, "localIpDetails", f.resource.address, "");
  }
  if (f.local_port >= 0) {
    PortDetails(&n, "localPortDetails", f.local_port, f.local_port_name);
  }
  if (!f.remote.address.empty()) {
    IpDetails(&n, "remoteIpDetails", f.remote.address, f.remote.organization);
  }
  if (f.remote.port >= 0) {
    PortDetails(&n, "remotePortDetails", f.remote.port, "");
  }
}

void AdditionalInfo(JsonObject* o, const Finding& f) {
  o->Key("additionalInfo");
  JsonObject info(o->out());
  for (const FindingFigure& fig : f.figures) info.Number(fig.name, fig.value);
  for (const auto& [k, v] : f.details) info.String(k, v);
  info.Key("approximate");
  info.out()->push_back('[');
  bool first = true;
  for (const FindingFigure& fig : f.figures) {
    if (!fig.approximate) continue;
    if (!first) info.out()->push_back(',');
    first = false;
    AppendJsonString(info.out(), fig.name);
  }
  info.out()->push_back(']');
  info.Key("sampleRecords");
  info.out()->push_back('[');
  for (size_t i = 0; i < f.samples.size(); ++i) {
    if (i > 0) info.out()->push_back(',');
    AppendJsonString(info.out(), f.samples[i]);
  }
  info.out()->push_back(']');
}

std::string_view Account(const Finding& f, const FindingIdentity& id) {
  return f.resource.account_id.empty()
             ? std::string_view(id.account_id)
             : std::string_view(f.resource.account_id);
}
std::string_view Region(const Finding& f, const FindingIdentity& id) {
  return f.resource.region.empty() ? std::string_view(id.region)
                                   : std::string_view(f.resource.region);
}

}  // namespace

void AppendFindingJson(fmt::memory_buffer* out, const Finding& f,
                       const FindingIdentity& id) {
  JsonObject o(out);
  o.String("schemaVersion", "2.0");
  o.String("accountId", Account(f, id));
  o.String("region", Region(f, id));
  o.String("partition", "aws");
  o.String("id", f.id);
  o.String("arn",
           fmt::format("arn:aws:guardduty:{}:{}:detector/flowmon/finding/{}",
                       Region(f, id), Account(f, id), f.id));
  o.String("type", f.type);
  o.Number("severity", f.severity);
  o.String("title", f.title);
  o.String("description", f.description);
  o.String("createdAt", Time(f.first_seen));
  o.String("updatedAt", Time(f.last_seen));
  Resource(&o, f);
  o.Key("service");
  JsonObject s(out);
  s.String("serviceName", "flowmon");
  s.String("detectorId", f.detector);
  Action(&s, f);
  s.String("resourceRole", f.role == ResourceRole::kActor ? "ACTOR" : "TARGET");
  s.String("eventFirstSeen", Time(f.first_seen));
  s.String("eventLastSeen", Time(f.last_seen));
  s.Number("count", static_cast<double>(f.count));
  s.Bool("archived", false);
  AdditionalInfo(&s, f);
}

std::string FindingEventJson(const Finding& f, const FindingIdentity& id) {
  fmt::memory_buffer out;
  {
    JsonObject o(&out);
    o.String("version", "0");
    o.String("id", f.id);
    o.String("detail-type", "GuardDuty Finding");
    o.String("source", "flowmon");
    o.String("account", Account(f, id));
    o.String("time", FormatIso8601(f.first_seen));
    o.String("region", Region(f, id));
    o.Key("resources");
    out.append(std::string_view("[]"));
    o.Key("detail");
    AppendFindingJson(&out, f, id);
  }
  return fmt::to_string(out);
}

std::string FindingSummary(const Finding& f) {
  return fmt::format("{} {} {}: {}", SeverityLabel(f.severity), f.severity,
                     f.type, f.title);
}

std::string FindingSlackJson(const Finding& f) {
  fmt::memory_buffer out;
  {
    JsonObject o(&out);
    o.String("text", fmt::format("{} (first seen {})", FindingSummary(f),
                                 FormatIso8601(f.first_seen)));
  }
  return fmt::to_string(out);
}

}  // namespace flowmon

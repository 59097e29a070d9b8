// The AWS "Available fields" table for VPC flow log records (versions 2-8),
// with descriptions written for flowmon.
#include <array>

#include "flowmon/core/schema.h"

namespace flowmon {
namespace {

using enum FieldType;

constexpr std::array kFlowFields = {
    FlowField{"version", 2, kInt,
              "Flow log version: 2 for the default format; for a custom "
              "format, the highest version among its fields."},
    FlowField{"account-id", 2, kString,
              "AWS account ID of the owner of the source network interface "
              "(\"unknown\" for interfaces created by AWS services)."},
    FlowField{"interface-id", 2, kString,
              "ID of the network interface the traffic was recorded for."},
    FlowField{"srcaddr", 2, kString,
              "Source address: for incoming traffic the sender; for "
              "outgoing traffic the interface's private IPv4 or IPv6 "
              "address. See pkt-srcaddr."},
    FlowField{"dstaddr", 2, kString,
              "Destination address: for outgoing traffic the receiver; for "
              "incoming traffic the interface's private IPv4 or IPv6 "
              "address. See pkt-dstaddr."},
    FlowField{"srcport", 2, kInt, "Source port of the traffic."},
    FlowField{"dstport", 2, kInt, "Destination port of the traffic."},
    FlowField{"protocol", 2, kInt,
              "IANA protocol number (6 = TCP, 17 = UDP, 1 = ICMP)."},
    FlowField{"packets", 2, kInt, "Packets transferred during the flow."},
    FlowField{"bytes", 2, kInt, "Bytes transferred during the flow."},
    FlowField{"start", 2, kInt,
              "Time, in Unix seconds, the first packet of the flow was "
              "received within the aggregation interval."},
    FlowField{"end", 2, kInt,
              "Time, in Unix seconds, the last packet of the flow was "
              "received within the aggregation interval."},
    FlowField{"action", 2, kString,
              "ACCEPT (traffic was accepted) or REJECT (traffic was "
              "rejected by a security group, network ACL or similar)."},
    FlowField{"log-status", 2, kString,
              "OK (data logs normally), NODATA (no traffic in the "
              "interval) or SKIPDATA (records were skipped)."},
    FlowField{"vpc-id", 3, kString,
              "ID of the VPC that contains the network interface."},
    FlowField{"subnet-id", 3, kString,
              "ID of the subnet that contains the network interface."},
    FlowField{"instance-id", 3, kString,
              "ID of the instance associated with the network interface, "
              "if you own it."},
    FlowField{"tcp-flags", 3, kInt,
              "Bitmask of TCP flags seen in the interval, ORed together: "
              "FIN 1, SYN 2, RST 4, SYN-ACK 18."},
    FlowField{"type", 3, kString, "Type of traffic: IPv4, IPv6 or EFA."},
    FlowField{"pkt-srcaddr", 3, kString,
              "Packet-level (original) source address of the traffic."},
    FlowField{"pkt-dstaddr", 3, kString,
              "Packet-level (original) destination address of the "
              "traffic."},
    FlowField{"region", 4, kString,
              "Region that contains the network interface."},
    FlowField{"az-id", 4, kString,
              "ID of the Availability Zone that contains the network "
              "interface."},
    FlowField{"sublocation-type", 4, kString,
              "Type of sublocation in sublocation-id: wavelength, outpost "
              "or localzone."},
    FlowField{"sublocation-id", 4, kString,
              "ID of the sublocation (Wavelength Zone, Outpost or Local "
              "Zone) that contains the network interface."},
    FlowField{"pkt-src-aws-service", 5, kString,
              "Name of the AWS service subset of the pkt-srcaddr IP "
              "range, if any (e.g. AMAZON, EC2, S3)."},
    FlowField{"pkt-dst-aws-service", 5, kString,
              "Name of the AWS service subset of the pkt-dstaddr IP "
              "range, if any."},
    FlowField{"flow-direction", 5, kString,
              "Direction of the flow relative to the interface: ingress "
              "or egress."},
    FlowField{"traffic-path", 5, kInt,
              "Path egress traffic takes to its destination (1 through "
              "another resource in the VPC, 2 internet gateway, 3 virtual "
              "private gateway, 4 intra-region peering, 5 inter-region "
              "peering, 6 local gateway, 7 gateway VPC endpoint, 8 "
              "internet gateway for Wavelength)."},
    FlowField{"ecs-cluster-arn", 7, kString,
              "ARN of the ECS cluster, if the traffic is from a running "
              "ECS task."},
    FlowField{"ecs-cluster-name", 7, kString, "Name of the ECS cluster."},
    FlowField{"ecs-container-instance-arn", 7, kString,
              "ARN of the ECS container instance (EC2 launch type)."},
    FlowField{"ecs-container-instance-id", 7, kString,
              "ID of the ECS container instance (EC2 launch type)."},
    FlowField{"ecs-container-id", 7, kString,
              "Docker runtime ID of the container (the first container "
              "of the task)."},
    FlowField{"ecs-second-container-id", 7, kString,
              "Docker runtime ID of a second container of the task."},
    FlowField{"ecs-service-name", 7, kString,
              "Name of the ECS service, if the task was started by one."},
    FlowField{"ecs-task-definition-arn", 7, kString,
              "ARN of the ECS task definition."},
    FlowField{"ecs-task-arn", 7, kString, "ARN of the ECS task."},
    FlowField{"ecs-task-id", 7, kString, "ID of the ECS task."},
    FlowField{"reject-reason", 8, kString,
              "Why traffic was rejected, when AWS reports it (e.g. BPA: "
              "blocked by VPC Block Public Access); \"-\" otherwise."},
};

}  // namespace

std::span<const FlowField> AllFlowFields() { return kFlowFields; }

const FlowField* FindFlowField(std::string_view name) {
  for (const FlowField& f : kFlowFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace flowmon

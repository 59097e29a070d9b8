// AWS's "Available fields" tables for VPC flow log records (versions 2 to
// 10) and Transit Gateway flow log records (versions 2 to 6), with
// descriptions written for flowmon. Sources: docs/fields.md.
#include <array>

#include "flowmon/core/schema.h"

namespace flowmon {
namespace {

using enum FieldType;
constexpr unsigned char kVpc = kVpcFlowLogs;
constexpr unsigned char kTgw = kTgwFlowLogs;

constexpr std::array kFlowFields = {
    FlowField{"version", 2, kInt,
              "Flow log version: 2 for the default format; for a custom "
              "format, the highest version among its fields.",
              "version", kVpc | kTgw},
    FlowField{"account-id", 2, kString,
              "AWS account ID of the owner of the source network interface "
              "(\"unknown\" for interfaces created by AWS services); in "
              "Transit Gateway flow logs, of the owner of the source transit "
              "gateway.",
              "accountId", kVpc | kTgw},
    FlowField{"interface-id", 2, kString,
              "ID of the network interface the traffic was recorded for.",
              "interfaceId", kVpc},
    FlowField{"srcaddr", 2, kString,
              "Source address: for incoming traffic the sender; for "
              "outgoing traffic the interface's private IPv4 or IPv6 "
              "address. See pkt-srcaddr.",
              "srcAddr", kVpc | kTgw},
    FlowField{"dstaddr", 2, kString,
              "Destination address: for outgoing traffic the receiver; for "
              "incoming traffic the interface's private IPv4 or IPv6 "
              "address. See pkt-dstaddr.",
              "dstAddr", kVpc | kTgw},
    FlowField{"srcport", 2, kInt, "Source port of the traffic.", "srcPort",
              kVpc | kTgw},
    FlowField{"dstport", 2, kInt, "Destination port of the traffic.", "dstPort",
              kVpc | kTgw},
    FlowField{"protocol", 2, kInt,
              "IANA protocol number (6 = TCP, 17 = UDP, 1 = ICMP).", "protocol",
              kVpc | kTgw},
    FlowField{"packets", 2, kInt, "Packets transferred during the flow.",
              "packets", kVpc | kTgw},
    FlowField{"bytes", 2, kInt, "Bytes transferred during the flow.", "bytes",
              kVpc | kTgw},
    FlowField{"start", 2, kInt,
              "Time, in Unix seconds, the first packet of the flow was "
              "received within the aggregation interval.",
              "startTime", kVpc | kTgw},
    FlowField{"end", 2, kInt,
              "Time, in Unix seconds, the last packet of the flow was "
              "received within the aggregation interval.",
              "endTime", kVpc | kTgw},
    FlowField{"action", 2, kString,
              "ACCEPT (traffic was accepted) or REJECT (traffic was "
              "rejected by a security group, network ACL or similar).",
              "action", kVpc},
    FlowField{"log-status", 2, kString,
              "OK (data logs normally), NODATA (no traffic in the "
              "interval) or SKIPDATA (records were skipped).",
              "logStatus", kVpc | kTgw},
    FlowField{"vpc-id", 3, kString,
              "ID of the VPC that contains the network interface.", "vpcId",
              kVpc},
    FlowField{"subnet-id", 3, kString,
              "ID of the subnet that contains the network interface.",
              "subnetId", kVpc},
    FlowField{"instance-id", 3, kString,
              "ID of the instance associated with the network interface, "
              "if you own it.",
              "instanceId", kVpc},
    FlowField{"tcp-flags", 3, kInt,
              "Bitmask of TCP flags seen in the interval, ORed together: "
              "FIN 1, SYN 2, RST 4, SYN-ACK 18.",
              "tcpFlags", kVpc | kTgw},
    FlowField{"type", 3, kString, "Type of traffic: IPv4, IPv6 or EFA.", "type",
              kVpc | kTgw},
    FlowField{"pkt-srcaddr", 3, kString,
              "Packet-level (original) source address of the traffic.",
              "pktSrcAddr", kVpc},
    FlowField{"pkt-dstaddr", 3, kString,
              "Packet-level (original) destination address of the "
              "traffic.",
              "pktDstAddr", kVpc},
    FlowField{"region", 4, kString,
              "Region that contains the network interface.", "region",
              kVpc | kTgw},
    FlowField{"az-id", 4, kString,
              "ID of the Availability Zone that contains the network "
              "interface.",
              "azId", kVpc},
    FlowField{"sublocation-type", 4, kString,
              "Type of sublocation in sublocation-id: wavelength, outpost "
              "or localzone.",
              "sublocationType", kVpc},
    FlowField{"sublocation-id", 4, kString,
              "ID of the sublocation (Wavelength Zone, Outpost or Local "
              "Zone) that contains the network interface.",
              "sublocationId", kVpc},
    FlowField{"pkt-src-aws-service", 5, kString,
              "Name of the AWS service subset of the pkt-srcaddr IP "
              "range, if any (e.g. AMAZON, EC2, S3).",
              "pktSrcAwsService", kVpc | kTgw},
    FlowField{"pkt-dst-aws-service", 5, kString,
              "Name of the AWS service subset of the pkt-dstaddr IP "
              "range, if any.",
              "pktDstAwsService", kVpc | kTgw},
    FlowField{"flow-direction", 5, kString,
              "Direction of the flow relative to the interface: ingress "
              "or egress.",
              "flowDirection", kVpc | kTgw},
    FlowField{"traffic-path", 5, kInt,
              "Path egress traffic takes to its destination: 1 another "
              "resource in the same VPC, 2 an internet gateway or a gateway "
              "VPC endpoint, 3 a virtual private gateway, 4 an intra-region "
              "VPC peering connection, 5 an inter-region one, 6 a local "
              "gateway, 7 a gateway VPC endpoint (Nitro-based instances), 8 "
              "an internet gateway (Nitro-based instances); \"-\" for "
              "ingress.",
              "trafficPath", kVpc},
    FlowField{"ecs-cluster-arn", 7, kString,
              "ARN of the ECS cluster, if the traffic is from a running "
              "ECS task.",
              "ecsClusterArn", kVpc},
    FlowField{"ecs-cluster-name", 7, kString, "Name of the ECS cluster.",
              "ecsClusterName", kVpc},
    FlowField{"ecs-container-instance-arn", 7, kString,
              "ARN of the ECS container instance (EC2 launch type).",
              "ecsContainerInstanceArn", kVpc},
    FlowField{"ecs-container-instance-id", 7, kString,
              "ID of the ECS container instance (EC2 launch type).",
              "ecsContainerInstanceId", kVpc},
    FlowField{"ecs-container-id", 7, kString,
              "Docker runtime ID of the container (the first container "
              "of the task).",
              "ecsContainerId", kVpc},
    FlowField{"ecs-second-container-id", 7, kString,
              "Docker runtime ID of a second container of the task.",
              "ecsSecondContainerId", kVpc},
    FlowField{"ecs-service-name", 7, kString,
              "Name of the ECS service, if the task was started by one.",
              "ecsServiceName", kVpc},
    FlowField{"ecs-task-definition-arn", 7, kString,
              "ARN of the ECS task definition.", "ecsTaskDefinitionArn", kVpc},
    FlowField{"ecs-task-arn", 7, kString, "ARN of the ECS task.", "ecsTaskArn",
              kVpc},
    FlowField{"ecs-task-id", 7, kString, "ID of the ECS task.", "ecsTaskId",
              kVpc},
    FlowField{"reject-reason", 8, kString,
              "Why traffic was rejected, when AWS reports it (e.g. BPA: "
              "blocked by VPC Block Public Access); \"-\" otherwise.",
              "rejectReason", kVpc},
    FlowField{"resource-id", 9, kString,
              "ID of the resource the traffic was recorded for when it is "
              "not a network interface, such as a regional NAT gateway "
              "(whose records have \"-\" in interface-id).",
              "resourceId", kVpc},
    FlowField{"encryption-status", 10, kInt,
              "Encryption in transit (VPC encryption controls): 0 not "
              "encrypted, 1 Nitro-encrypted, 2 application-encrypted (TLS "
              "on port 443 to an endpoint, say), 3 both; \"-\" unknown or "
              "encryption controls off.",
              "encryptionStatus", kVpc},
    // Transit Gateway flow logs only (version 6), in their table's order.
    FlowField{"resource-type", 6, kString,
              "Type of the resource the flow log is on: TransitGateway.",
              "resourceType", kTgw},
    FlowField{"tgw-id", 6, kString,
              "ID of the transit gateway the traffic was recorded for.",
              "tgwId", kTgw},
    FlowField{"tgw-attachment-id", 6, kString,
              "ID of the transit gateway attachment the traffic was "
              "recorded for.",
              "tgwAttachmentId", kTgw},
    FlowField{"tgw-src-vpc-account-id", 6, kString,
              "AWS account ID of the source VPC's traffic.",
              "tgwSrcVpcAccountId", kTgw},
    FlowField{"tgw-dst-vpc-account-id", 6, kString,
              "AWS account ID of the destination VPC's traffic.",
              "tgwDstVpcAccountId", kTgw},
    FlowField{"tgw-src-vpc-id", 6, kString, "ID of the source VPC.",
              "tgwSrcVpcId", kTgw},
    FlowField{"tgw-dst-vpc-id", 6, kString, "ID of the destination VPC.",
              "tgwDstVpcId", kTgw},
    FlowField{"tgw-src-subnet-id", 6, kString,
              "ID of the subnet of the source traffic.", "tgwSrcSubnetId",
              kTgw},
    FlowField{"tgw-dst-subnet-id", 6, kString,
              "ID of the subnet of the destination traffic.", "tgwDstSubnetId",
              kTgw},
    FlowField{"tgw-src-eni", 6, kString,
              "ID of the source transit gateway attachment's network "
              "interface for the flow.",
              "tgwSrcEni", kTgw},
    FlowField{"tgw-dst-eni", 6, kString,
              "ID of the destination transit gateway attachment's network "
              "interface for the flow.",
              "tgwDstEni", kTgw},
    FlowField{"tgw-src-az-id", 6, kString,
              "ID of the Availability Zone of the source transit gateway "
              "(\"-\" for traffic from a sublocation).",
              "tgwSrcAzId", kTgw},
    FlowField{"tgw-dst-az-id", 6, kString,
              "ID of the Availability Zone of the destination transit "
              "gateway.",
              "tgwDstAzId", kTgw},
    FlowField{"tgw-pair-attachment-id", 6, kString,
              "The flow's other attachment: its egress or ingress "
              "attachment ID, depending on the flow direction.",
              "tgwPairAttachmentId", kTgw},
    FlowField{"packets-lost-no-route", 6, kInt,
              "Packets lost because no route was specified.",
              "packetsLostNoRoute", kTgw},
    FlowField{"packets-lost-blackhole", 6, kInt,
              "Packets lost to a blackhole route.", "packetsLostBlackhole",
              kTgw},
    FlowField{"packets-lost-mtu-exceeded", 6, kInt,
              "Packets lost because they exceeded the MTU.",
              "packetsLostMtuExceeded", kTgw},
    FlowField{"packets-lost-ttl-expired", 6, kInt,
              "Packets lost because their time-to-live expired.",
              "packetsLostTtlExpired", kTgw},

};

// The Transit Gateway default format: every field of its table, in order.
constexpr std::array<std::string_view, 36> kTgwDefault = {
    "version",
    "resource-type",
    "account-id",
    "tgw-id",
    "tgw-attachment-id",
    "tgw-src-vpc-account-id",
    "tgw-dst-vpc-account-id",
    "tgw-src-vpc-id",
    "tgw-dst-vpc-id",
    "tgw-src-subnet-id",
    "tgw-dst-subnet-id",
    "tgw-src-eni",
    "tgw-dst-eni",
    "tgw-src-az-id",
    "tgw-dst-az-id",
    "tgw-pair-attachment-id",
    "srcaddr",
    "dstaddr",
    "srcport",
    "dstport",
    "protocol",
    "packets",
    "bytes",
    "start",
    "end",
    "log-status",
    "type",
    "packets-lost-no-route",
    "packets-lost-blackhole",
    "packets-lost-mtu-exceeded",
    "packets-lost-ttl-expired",
    "tcp-flags",
    "region",
    "flow-direction",
    "pkt-src-aws-service",
    "pkt-dst-aws-service",
};

}  // namespace

std::span<const FlowField> AllFlowFields() { return kFlowFields; }

const FlowField* FindFlowField(std::string_view name) {
  for (const FlowField& f : kFlowFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::span<const std::string_view> TgwDefaultFieldNames() { return kTgwDefault; }

}  // namespace flowmon

// The example event of AWS's "Using filter patterns to match terms in JSON
// log events", on one line as the user guide asks for testing.
#pragma once

namespace flowmon::testing {

inline constexpr const char* kAwsJsonEvent =
    R"({"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111", )"
    R"("arrayKey": ["value", "another value"], )"
    R"("objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}], )"
    R"("SomeObject": null, "ThisFlag": true})";

}  // namespace flowmon::testing

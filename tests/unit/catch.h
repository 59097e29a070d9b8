// The one include for Catch2, so moving to v3 is a one-line change.
#pragma once
#include <catch2/catch.hpp>

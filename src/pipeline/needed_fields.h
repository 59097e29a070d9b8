// NeededFields: what a run observes of each record (FieldNeeds), from its
// options and its sink, for column-wise readers (SourceOptions::fields).
#pragma once

#include "flowmon/ingest/field_needs.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon {

// The sink's fields (RecordSink::AddNeededFields), those the pattern(s)
// bind, `start` for the time range, and every field where the pipeline
// looks at them all (typed output's value check, term and JSON patterns,
// which read the whole line). A single pattern's one-field conditions
// become tests, unless rejected records are delivered whole or selected
// (invert).
FieldNeeds NeededFields(const PipelineOptions& options, const RecordSink& sink);

}  // namespace flowmon

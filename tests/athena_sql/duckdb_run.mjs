// Runs SQL on DuckDB for execute.py: a job on stdin,
//   {"setup": [sql, ...], "queries": [{"name": ..., "sql": ...}, ...]},
// and on stdout {"name": {"types": [...], "rows": [[...], ...]} or
// {"error": "..."}}. Values are DuckDB's JSON forms (BIGINT as a string).
// Run from a directory whose node_modules holds @duckdb/node-api.
import { DuckDBInstance } from '@duckdb/node-api';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
for (const sql of job.setup) await connection.run(sql);
const out = {};
for (const q of job.queries) {
  try {
    const reader = await connection.runAndReadAll(q.sql);
    out[q.name] = {
      types: reader.columnTypes().map((t) => t.toString()),
      rows: reader.getRowsJson(),
    };
  } catch (e) {
    out[q.name] = { error: e.message };
  }
}
process.stdout.write(JSON.stringify(out));

// DuckDB side of the Parquet benchmark (docs/benchmarks.md): `node duckdb_parquet.mjs write`
// makes the Parquet copy of the 1 GiB bench file, `read` runs the per-minute
// REJECT count on it. Run from a folder where npm installed @duckdb/node-api.
import { DuckDBInstance } from '@duckdb/node-api';
const cols = "{'version':'INT','account_id':'VARCHAR','interface_id':'VARCHAR','srcaddr':'VARCHAR'," +
  "'dstaddr':'VARCHAR','srcport':'INT','dstport':'INT','protocol':'BIGINT','packets':'BIGINT'," +
  "'bytes':'BIGINT','start':'BIGINT','end':'BIGINT','action':'VARCHAR','log_status':'VARCHAR'}";
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const mode = process.argv[2];
if (mode === 'write') {
  await con.run(`COPY (select * from read_csv('/tmp/flowmon-bench/flows-1024mb.log', delim=' ', header=false, columns=${cols}, nullstr='-', auto_detect=false, ignore_errors=true)) TO '/tmp/flowmon-bench/flows-1024mb.parquet' (FORMAT parquet, COMPRESSION gzip)`);
} else {
  const r = await con.runAndReadAll(`select start - start % 60 as t, count(*) as n from read_parquet('/tmp/flowmon-bench/flows-1024mb.parquet') where action = 'REJECT' group by 1 order by 1`);
  console.log(r.getRows().length);
}

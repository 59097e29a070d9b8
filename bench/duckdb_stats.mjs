// DuckDB's side of query_bench.sh: node duckdb_stats.mjs FILE TASK prints
// the same groups as the flowmon query of TASK, one per line, in key order.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, task] = process.argv.slice(2);
const cols =
  "{'version':'VARCHAR','account':'VARCHAR','eni':'VARCHAR','src':'VARCHAR'," +
  "'dst':'VARCHAR','srcport':'VARCHAR','dstport':'VARCHAR','proto':'VARCHAR'," +
  "'packets':'VARCHAR','bytes':'VARCHAR','start':'VARCHAR','end':'VARCHAR'," +
  "'action':'VARCHAR','status':'VARCHAR'}";
const from = `read_csv('${file}', delim=' ', header=false, columns=${cols}, auto_detect=false)`;
const sql = {
  // stats count(*) by srcAddr
  count_by_src: `select src, count(*) from ${from} group by src order by src`,
  // stats sum(bytes) by srcAddr, dstAddr
  sum_by_pair: `select src, dst, sum(try_cast(bytes as double)) from ${from} group by src, dst order by src, dst`,
  // filter action="REJECT" | stats count(*) by bin(5m): @timestamp is start
  reject_5m: `select try_cast(start as bigint) // 300 * 300 as t, count(*) from ${from} where action = 'REJECT' group by t order by t`,
}[task];
const db = await DuckDBInstance.create(':memory:');
const rows = (await (await db.connect()).runAndReadAll(sql)).getRows();
process.stdout.write(rows.map((r) => r.join(' ')).join('\n') + '\n');

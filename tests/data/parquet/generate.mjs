// Writes this directory's Parquet files (and the sample S3 tree's Parquet
// day) with DuckDB, an implementation other than flowmon's reader, from the
// text flow logs beside them. flows.log came from the bench generator:
//   python3 gen_flowlogs.py 0.025 --header --seed 18, plus three rows of
//   nulls ("-") at its end.
// usage: node generate.mjs [THIS_DIR], run from a directory where npm
//   installed @duckdb/node-api (bench peers.sh's /tmp/flowmon-bench/duckdb).
// The tests only read the committed outputs; they never run this script.
import { DuckDBInstance } from '@duckdb/node-api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
const here = process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url));
const samples = path.join(here, '..', '..', '..', 'samples');
// The Athena Parquet DDL's names and types for the default (v2) fields.
const cols = "{'version':'INT','account_id':'VARCHAR','interface_id':'VARCHAR','srcaddr':'VARCHAR'," +
  "'dstaddr':'VARCHAR','srcport':'INT','dstport':'INT','protocol':'BIGINT','packets':'BIGINT'," +
  "'bytes':'BIGINT','start':'BIGINT','end':'BIGINT','action':'VARCHAR','log_status':'VARCHAR'}";
const read = (file) => `read_csv('${file}', delim=' ', header=true, columns=${cols}, nullstr='-', auto_detect=false)`;
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
// One thread, and the rows fed in pieces of 60: DuckDB then closes a row
// group at each piece (ROW_GROUP_SIZE is a lower bound of 2048 otherwise).
await con.run('SET threads=1');
await con.run(`create table flows as select * from ${read(path.join(here, 'flows.log'))}`);
const pieces = (columns) => Array.from({ length: 4 }, (_, i) =>
  `select ${columns} from flows where rowid >= ${i * 60} and rowid < ${(i + 1) * 60}`).join(' union all ');
const copy = (columns, name, options) =>
  con.run(`COPY (${pieces(columns)}) TO '${path.join(here, name)}.parquet' (FORMAT parquet, ROW_GROUP_SIZE 60, ${options})`);
// Every column; DuckDB picks dictionary pages for repeated values and
// PLAIN ones for the many-valued columns (addresses, ports, times).
await copy('*', 'flows_gzip', 'COMPRESSION gzip');
await copy('*', 'flows_snappy', 'COMPRESSION snappy');
await copy('*', 'flows_none', 'COMPRESSION uncompressed');
// Version 2 data pages: dictionary-encoded when the values repeat...
const few = 'account_id, action, log_status';
await copy(few, 'flows_v2pages', 'COMPRESSION snappy, PARQUET_VERSION v2');
// ...and DELTA_* encodings (which flowmon does not read) otherwise.
await copy('*', 'flows_delta', 'COMPRESSION snappy, PARQUET_VERSION v2');
await copy('*', 'flows_zstd', 'COMPRESSION zstd');
// Shapes flowmon does not read: a nested column, a DOUBLE column, columns
// that name no flow-log field.
const small = (select, name) =>
  con.run(`COPY (select ${select} from flows limit 5) TO '${path.join(here, name)}.parquet' (FORMAT parquet)`);
await small("version, {'addr': srcaddr, 'port': srcport} as source, action", 'nested');
await small('version, bytes / 2.0 as bytes, action', 'double');
await small('srcaddr as hostname, action as verdict', 'unnamed');
// The sample S3 tree's Parquet day: the 15th's records a day later.
const day = path.join(samples, 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2019/07');
const fifteenth = path.join(day, '15', '123456789012_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20190715T1200Z_a1b2c3d4.log.gz');
await con.run(`COPY (select * replace (start + 86400 as start, "end" + 86400 as "end") from ${read(fifteenth)}) TO '` +
  path.join(day, '16', '123456789012_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20190716T1200Z_a1b2c3d4.log.parquet') +
  `' (FORMAT parquet, COMPRESSION gzip)`);

import { type BenchResult, formatTable, withinBudget, writeResult } from './lib.js';
import { runStartup } from './startup.js';
import { runUnitGet } from './unit-get.js';

/**
 * `npm run bench` (after `npm run build`): every benchmark in turn, one summary table, JSON
 * files in bench/results/. Exits 1 when a figure misses its budget. Not part of `npm test`.
 */
const benchmarks: [string, () => Promise<BenchResult>][] = [
  ['startup', runStartup],
  ['unit-get', runUnitGet],
];

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, run] of benchmarks) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`… ${name}`);
  const result = await run();
  results.push(result);
  console.log(`  ${writeResult(result)}`);
}
console.log(`\nRingkasan (${results[0]?.date ?? ''}, ${results[0]?.machine.cpus ?? '?'} core):\n`);
console.log(formatTable(results));
for (const r of results) for (const note of r.notes) console.log(`- ${r.name}: ${note}`);
const missed = results.flatMap((r) => r.metrics).filter((m) => withinBudget(m) === false);
if (missed.length > 0) {
  console.log(`\n${missed.length} ukuran melewati anggaran.`);
  process.exitCode = 1;
}

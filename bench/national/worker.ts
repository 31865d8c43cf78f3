import { parentPort, workerData } from 'node:worker_threads';
import { generateBatch } from './load.js';
import type { PemdaOptions, PemdaResult, TableName } from './pemda-rows.js';
import type { PemdaSpec } from './shape.js';

/** A worker thread of the bulk loader (load.ts): generates batches into CSV files. */
export interface BatchJob {
  index: number;
  specs: PemdaSpec[];
}

export interface BatchDone {
  index: number;
  script: string;
  dir: string;
  rows: [TableName, number][];
  engineCalls: number;
  generateMs: number;
  results: PemdaResult[];
}

if (parentPort && workerData?.options) {
  const options = workerData.options as PemdaOptions;
  const port = parentPort;
  port.on('message', (job: BatchJob) => {
    const done = generateBatch(job.specs, options);
    port.postMessage({ index: job.index, ...done } satisfies BatchDone);
  });
}

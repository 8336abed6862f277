// Row 3: bytes per mount in the model at 100,000 mounts, against the issue's
// target of 1 KiB. Measured in its own process (bench/model/memory.ts).

import { bytes, count, ratio } from '../format';
import { runModel } from '../model/run';
import type { Options } from '../options';
import { progress } from '../progress';
import { medianOf } from '../samples';
import type { Row } from '../table';

const MOUNTS = 100_000;
const TARGET = 1024;

export function memoryRows(options: Options): Row[] {
  progress(`model: heap growth over ${count(MOUNTS)} mounts`);
  const perMount = medianOf(runModel('memory', MOUNTS, options.slowRuns), 'bytes-per-mount');
  return [{ group: '3', what: `model memory per mount, at ${count(MOUNTS)} mounts (heap after a forced GC)`, model: bytes(perMount), reference: `target ${bytes(TARGET)}`, ratio: ratio(perMount, TARGET) }];
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectPii } from '@relais/core';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';

const RUNS = 7;
const TARGET_BYTES = 4 * 1024 * 1024;

/** About 4 MB of realistic report text: the labelled PII corpus, marks stripped, repeated. */
function corpusText(): string {
  const texts: string[] = [];
  for (const part of ['tuning', 'heldout']) {
    const file = fileURLToPath(new URL(`../../core/data/pii-corpus/${part}.txt`, import.meta.url));
    for (const block of readFileSync(file, 'utf8').split(/\n%%\n/)) {
      if (block.trim() === '' || block.startsWith('#')) continue;
      texts.push(block.replace(/\[\[[A-Z]+\|([^\]]*)\]\]/g, '$1'));
    }
  }
  const unit = texts.join('\n\n');
  const parts: string[] = [];
  let length = 0;
  while (length < TARGET_BYTES) {
    parts.push(unit);
    length += Buffer.byteLength(unit, 'utf8') + 2;
  }
  return parts.join('\n\n');
}

/** Megabytes per second of `run` over `text`, median of RUNS runs after one warm-up. */
function throughput(text: string, run: (text: string) => number): number {
  const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
  run(text);
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    run(text);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(megabytes / seconds);
  }
  return median(rates);
}

/** The bare regex scan that the detector is measured against. */
function bareScan(text: string): number {
  const re = /\d{2}[ .-]?\d{2}/g;
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

/**
 * PII detection throughput on one core: `detectPii` over about 4 MB of report text (the corpus,
 * repeated), against a single global regex scan of the same text in the same process. Issue 3
 * asks for at least 5 MB/s.
 */
export default async function bench(): Promise<BenchResult[]> {
  const text = corpusText();
  let findings = 0;
  const value = throughput(text, (t) => (findings = detectPii(t).length));
  const baseline = throughput(text, bareScan);
  return [
    {
      name: 'detectPii throughput',
      unit: 'MB/s',
      value,
      baseline: { name: 'bare regex scan /\\d{2}[ .-]?\\d{2}/g', value: baseline },
      ratio: value / baseline,
      runs: RUNS,
      notes: `${(Buffer.byteLength(text, 'utf8') / 1e6).toFixed(1)} MB of corpus text, ${findings} findings; target >= 5 MB/s`,
    },
  ];
}

// One benchmark figure: measured `runs` times (after one warm-up) in a fresh browser context each, reported as
// the median, one JSON line `{"name","value","unit","target"?}` as every bench of the repository prints.
import type { Browser } from '@playwright/test';
import type { BenchStack } from './stack.ts';

export interface Figure {
  name: string;
  unit: 'ms';
  target?: string;
  /** One sample: the time of the thing measured, in a context of its own. */
  sample(browser: Browser, stack: BenchStack): Promise<number>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function measure(figure: Figure, browser: Browser, stack: BenchStack, runs: number): Promise<void> {
  const samples: number[] = [];
  for (let round = 0; round <= runs; round++) {
    const value = await figure.sample(browser, stack);
    if (round > 0) samples.push(value);
  }
  console.log(JSON.stringify({ name: figure.name, value: Math.round(median(samples)), unit: figure.unit, ...(figure.target ? { target: figure.target } : {}) }));
}

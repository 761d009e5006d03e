// What the BFF's benches share: child processes' ready lines, credentials files, percentiles, JSON output.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** The first line of the child's stdout matching `match` (the rest keeps being read, so the pipe never fills). */
export function firstLine(child: ChildProcess, match: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (match.test(line)) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
}

/** One profile of an AWS shared credentials file. */
export function profile(file: string, name: string) {
  const section = readFileSync(file, 'utf8').split(/^\[/m).find((s) => s.startsWith(`${name}]`)) ?? '';
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*(\\S+)`, 'm').exec(section)?.[1] ?? '';
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key') };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One figure as a JSON line: {"name","value","unit","target"?}. */
export function emit(name: string, value: number, unit: string, target?: string) {
  console.log(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...(target ? { target } : {}) }));
}

// The policy-check command without the process around it: arguments in, output lines and an exit code out.
// Its output and exit codes are an interface people build CI on: see the package README before changing them.
import { parseArgs } from 'node:util';
import type { Catalog } from '../catalog/catalog.ts';
import { POLICY_KINDS, type Finding, type PolicyKind } from '../validate/finding.ts';
import { validatePolicy } from '../validate/validate-policy.ts';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export const USAGE = 'Usage: policy-check [--kind identity|trust|boundary|resource] [--inline-for user|group|role] [--format json|text] FILE... (- reads stdin)';

const FORMATS = ['json', 'text'] as const;
const INLINE_FOR = ['user', 'group', 'role'] as const;

export interface CheckIo {
  /** Reads a file, or stdin for "-"; throws (with a message) when it cannot. */
  read(file: string): string;
  /** Undefined when the catalog is unavailable: the catalog checks are skipped then. */
  catalog(): Catalog | undefined;
}

export interface CheckRun {
  exitCode: number;
  stdout: string[];
  stderr: string[];
}

/** One output record: positions are 1-based, end exclusive (the column just after the range). */
export interface FindingRecord {
  file: string;
  findingType: Finding['findingType'];
  issueCode: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toRecord(file: string, finding: Finding): FindingRecord {
  const { start, end } = finding.range;
  return {
    file,
    findingType: finding.findingType,
    issueCode: finding.issueCode,
    message: finding.message,
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
  };
}

function formatText(record: FindingRecord): string {
  return `${record.file}:${record.line}:${record.column}: ${record.findingType} ${record.issueCode} ${record.message}`;
}

function usageError(message: string): CheckRun {
  return { exitCode: EXIT_USAGE, stdout: [], stderr: [`policy-check: ${message}. ${USAGE}`] };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T | undefined): T | undefined | Error {
  if (value === undefined) return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : new Error(`must be one of ${allowed.join(', ')}, not "${value}"`);
}

export function checkFiles(args: readonly string[], io: CheckIo): CheckRun {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: 'string' },
        'inline-for': { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { exitCode: EXIT_CLEAN, stdout: [USAGE], stderr: [] };
  const kind = oneOf<PolicyKind>(values.kind, POLICY_KINDS, 'identity');
  if (kind instanceof Error) return usageError(`--kind ${kind.message}`);
  const format = oneOf(values.format, FORMATS, 'json');
  if (format instanceof Error) return usageError(`--format ${format.message}`);
  const inlineFor = oneOf(values['inline-for'], INLINE_FOR, undefined);
  if (inlineFor instanceof Error) return usageError(`--inline-for ${inlineFor.message}`);
  if (positionals.length === 0) return usageError('no policy files given');

  // Read everything first, so a missing file fails the run before any output (no half reports in CI).
  const texts: [string, string][] = [];
  for (const file of positionals) {
    try {
      texts.push([file, io.read(file)]);
    } catch (error) {
      return usageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const catalog = io.catalog();
  const stderr = catalog ? [] : ['policy-check: the action catalog is not built (run "pnpm build"); service, action and condition-key checks are skipped.'];
  const stdout: string[] = [];
  let failing = false;
  for (const [file, text] of texts) {
    for (const finding of validatePolicy(text, { kind: kind!, inlineFor, catalog })) {
      if (finding.findingType === 'ERROR' || finding.findingType === 'SECURITY_WARNING') failing = true;
      const record = toRecord(file, finding);
      stdout.push(format === 'text' ? formatText(record) : JSON.stringify(record));
    }
  }
  return { exitCode: failing ? EXIT_FINDINGS : EXIT_CLEAN, stdout, stderr };
}

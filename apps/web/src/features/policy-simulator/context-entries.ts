// Context entries as the form holds them (values as typed) and as the BFF takes them.
import type { ContextEntry, ContextKeyType } from '@iam-console/api-contract/policy-simulator.ts';

export interface ContextRow {
  key: string;
  type: ContextKeyType;
  /** One value, or several separated by commas for the list types. */
  value: string;
}

/** Global condition keys people most often simulate (IAM User Guide, "AWS global condition context keys"). */
export const CONTEXT_KEY_PRESETS: { key: string; type: ContextKeyType; example: string }[] = [
  { key: 'aws:MultiFactorAuthPresent', type: 'boolean', example: 'true' },
  { key: 'aws:SourceIp', type: 'ip', example: '203.0.113.10' },
  { key: 'aws:CurrentTime', type: 'date', example: '2026-01-01T12:00:00Z' },
  { key: 'aws:username', type: 'string', example: 'alice' },
  { key: 'aws:RequestedRegion', type: 'string', example: 'us-east-1' },
  { key: 'aws:SecureTransport', type: 'boolean', example: 'true' },
];

export function presetType(key: string): ContextKeyType | undefined {
  return CONTEXT_KEY_PRESETS.find((p) => p.key.toLowerCase() === key.trim().toLowerCase())?.type;
}

/** Rows with a key and a value, the list types' values split on commas. */
export function toContextEntries(rows: readonly ContextRow[]): ContextEntry[] {
  return rows
    .filter((r) => r.key.trim() && r.value.trim())
    .map((r) => ({
      key: r.key.trim(),
      type: r.type,
      values: r.type.endsWith('List') ? r.value.split(',').map((v) => v.trim()).filter(Boolean) : [r.value.trim()],
    }));
}

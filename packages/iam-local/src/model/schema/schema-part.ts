/** One owner's tables. Parts are applied in the order of `schemaParts`; `sql` must be idempotent (IF NOT EXISTS). */
export interface SchemaPart {
  name: string;
  sql: string;
}

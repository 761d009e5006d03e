import type { SchemaPart } from './schema-part.ts';

// Every model area registers its tables here (one line each).
export const schemaParts: SchemaPart[] = [];

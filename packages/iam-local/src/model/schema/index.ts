import type { SchemaPart } from './schema-part.ts';
import { stsSchema } from './sts.ts';
import { entitiesSchema } from './entities.ts';
import { credentialsSchema } from './credentials.ts';

// Every model area registers its tables here (one line each).
export const schemaParts: SchemaPart[] = [
  entitiesSchema,
  credentialsSchema,
  stsSchema,
];

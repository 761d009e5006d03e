// zod at the boundary: parse params/body/query or throw a ZodError (→ 400 ValidationError).
import type { Request } from 'express';
import type { z } from 'zod';

export function body<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(req.body ?? {});
}

export function params<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(req.params);
}

export function query<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(req.query);
}

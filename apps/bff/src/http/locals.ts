// Per-request values shared between middleware and routes (typed res.locals).
import type { Response } from 'express';
import type { AwsClients } from '../aws/clients.ts';
import type { ApiError } from './api-error.ts';
import type { Identity } from '../session/session-data.ts';
import { notSignedIn } from './api-error.ts';

export interface AuditIntent {
  operation: string;
  target: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      aws?: AwsClients;
      identity?: Identity;
      awsRequestIds?: string[];
      apiError?: ApiError;
      audit?: AuditIntent;
      sessionExpired?: boolean;
    }
  }
}

/** The signed-in caller's AWS clients; routes behind requireSignIn always have them. */
export function awsFor(res: Response): AwsClients {
  if (!res.locals.aws) throw notSignedIn();
  return res.locals.aws;
}

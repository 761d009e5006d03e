// Helpers for the entity integration tests: the AWS error a rejected SDK call carried.
import { expect } from 'vitest';

export interface AwsErrorFacts {
  name: string;
  status: number | undefined;
  message: string;
}

/** Awaits a call that must fail and returns the error's name, HTTP status and message. */
export async function awsError(call: Promise<unknown>): Promise<AwsErrorFacts> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the call to be refused').toBeInstanceOf(Error);
  const error = caught as Error & { $metadata?: { httpStatusCode?: number } };
  return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}

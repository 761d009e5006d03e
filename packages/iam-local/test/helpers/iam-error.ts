// Asserting AWS-style refusals from model functions (sync or async).
import { expect } from 'vitest';
import { IamError } from '../../src/errors.ts';

export async function expectIamError(fn: () => unknown, code: string, message?: string | RegExp): Promise<IamError> {
  let caught: unknown;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected IamError ${code}`).toBeInstanceOf(IamError);
  const error = caught as IamError;
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

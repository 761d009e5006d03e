// The BFF's JSON API driven directly (no browser), with the CSRF token handled as API.md describes.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect } from '@playwright/test';

export interface ApiErrorBody {
  error: { message: string; code: string; status: number; requestId?: string; details?: { path: string; message: string }[] };
}

export async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/session');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  expect(body.csrfToken).toBeTruthy();
  return body.csrfToken;
}

/** Signs `request` in as a demo identity; returns the session's (rotated) CSRF token. */
export async function signInWithApi(request: APIRequestContext, demoIdentity: string): Promise<string> {
  const response = await request.post('/api/session', { data: { demoIdentity }, headers: { 'x-csrf-token': await csrfToken(request) } });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { signedIn: boolean; csrfToken: string };
  expect(body.signedIn).toBe(true);
  return body.csrfToken;
}

export async function expectApiError(response: APIResponse, status: number, code: string): Promise<ApiErrorBody['error']> {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as ApiErrorBody;
  expect(body.error).toMatchObject({ code, status });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

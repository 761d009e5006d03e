// Local mode only: one-click sign-in as a seeded demo identity. The BFF holds the demo device's seed and types
// the code for you.
import type { AwsClientFactory } from '../aws/clients.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { currentTotp } from '../session/demo-identities.ts';
import type { DemoIdentities } from '../session/demo-identities.ts';
import { signIn } from './sign-in.ts';
import type { SignInResult } from './sign-in.ts';

/**
 * A code is accepted once (replay protection), so when the current time step's code was already used (a second
 * click within 30 s) the next time step's code is tried.
 */
export async function signInDemo(
  makeClients: AwsClientFactory,
  demoIdentities: DemoIdentities | undefined,
  request: { id: string; mfaCode?: string | undefined; durationSeconds: number },
): Promise<SignInResult> {
  const demo = demoIdentities?.get(request.id);
  if (!demo) throw notFound(`Demo identity "${request.id}"`);
  const keys = { accessKeyId: demo.accessKeyId, secretAccessKey: demo.secretAccessKey, serialNumber: demo.mfa?.serialNumber, durationSeconds: request.durationSeconds };
  if (request.mfaCode || !demo.mfa) return signIn(makeClients, { ...keys, mfaCode: request.mfaCode });
  const seed = demo.mfa.base32Seed;
  try {
    return await signIn(makeClients, { ...keys, mfaCode: currentTotp(seed, Date.now()) });
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'InvalidMfaCode') throw err;
    return signIn(makeClients, { ...keys, mfaCode: currentTotp(seed, Date.now() + 30_000) });
  }
}

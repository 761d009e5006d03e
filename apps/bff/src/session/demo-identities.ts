// Local mode only: the seeded demo identities written by the embedded endpoint's demo seed, offered
// as one-click sign-ins. Secrets stay on the server; the browser only sees ids and labels.
import { readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import { demoIdentity, type DemoIdentity as PublicDemoIdentity } from '@iam-console/api-contract/session.ts';
import { z } from 'zod';

const identitySchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  kind: demoIdentity.shape.kind,
  userName: z.string().optional(),
  accessKeyId: z.string().min(16),
  secretAccessKey: z.string().min(1),
  mfa: z.object({ serialNumber: z.string(), base32Seed: z.string() }).optional(),
  password: z.string().optional(),
  description: z.string().optional(),
});

const fileSchema = z.object({
  accountId: z.string(),
  accountAlias: z.string().nullish(),
  identities: z.array(identitySchema),
});

export type DemoIdentity = z.infer<typeof identitySchema>;

const descriptions: Record<DemoIdentity['kind'], string> = {
  root: 'The account root user: may do everything.',
  admin: 'An IAM user with AdministratorAccess.',
  'self-service': 'An IAM user under the force-MFA self-service policy: manages only their own credentials.',
  auditor: 'An IAM user with SecurityAudit and credential-report rights: reads, never changes.',
};

export class DemoIdentities {
  readonly #byId: Map<string, DemoIdentity>;

  constructor(identities: DemoIdentity[]) {
    this.#byId = new Map(identities.map((i) => [i.id, i]));
  }

  static load(file: string): DemoIdentities {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a demo identities file: ${parsed.error.message}`);
    return new DemoIdentities(parsed.data.identities);
  }

  get(id: string): DemoIdentity | undefined {
    return this.#byId.get(id);
  }

  list(): PublicDemoIdentity[] {
    return [...this.#byId.values()].map((i) => ({
      id: i.id,
      label: i.label,
      kind: i.kind,
      ...(i.userName ? { userName: i.userName } : {}),
      hasMfa: i.mfa !== undefined,
      description: i.description ?? descriptions[i.kind],
    }));
  }
}

/** The current 6-digit code of a demo identity's virtual MFA device (SHA-1, 30 s, as AWS). */
export function currentTotp(base32Seed: string, now: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(base32Seed), algorithm: 'SHA1', digits: 6, period: 30, timestamp: now });
}

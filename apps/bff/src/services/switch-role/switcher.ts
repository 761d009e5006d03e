// Who switches and with what: the signed-in principal and its own credentials.
import type { AwsClients } from '../../aws/clients.ts';
import type { Identity } from '../../session/session-data.ts';

export interface Switcher {
  /** The signed-in principal, whose credentials make the call (never a switched-to role's). */
  caller: Identity;
  clients: AwsClients;
  mfaAuthenticated: boolean;
  /** Seconds left in the console session. */
  secondsLeft: number;
}

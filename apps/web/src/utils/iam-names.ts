// The forms' name and path checks: IAM's rules and reasons from the API contract, keyed the way forms name things.
import { GROUP_NAME, PATH, POLICY_NAME, ROLE_NAME, USER_NAME, textProblem } from '@iam-console/api-contract/rules.ts';

const NAME_RULES = { user: USER_NAME, 'user group': GROUP_NAME, role: ROLE_NAME, policy: POLICY_NAME } as const;

/** Why `name` is not a valid name of a `kind`, or undefined when it is. */
export const nameProblem = (name: string, kind: keyof typeof NAME_RULES): string | undefined => textProblem(NAME_RULES[kind], name);

/** Why `path` is not a valid IAM path (`/` or `/division/team/`), or undefined; an empty field means the default `/`. */
export const pathProblem = (path: string): string | undefined => (path === '' ? undefined : textProblem(PATH, path));

import { useParams } from 'react-router';

// IAM names become URL path segments, both in BFF requests (/api/users/eve/groups/<group>) and in the SPA's own
// routes (/users/<user>). IAM allows the names `.` and `..`, which URLs resolve as steps (also when written
// %2e%2e; WHATWG URL Standard): "remove eve from group .." would otherwise be sent as DELETE /api/users/eve/.
// Such a value, and one that starts with the escape itself, gets a `~` in front; the BFF and fromSegment()
// remove one leading `~` (apps/bff/API.md, "Names in paths"). `create` is escaped too: /users/create is the
// create page, not the user named create.
const ESCAPE = '~';
const RESERVED = new Set(['.', '..', 'create']);

/** One path segment naming `value` (user names may hold `+=,.@-`, ARNs hold `/` and `:`). */
export function segment(value: string): string {
  return encodeURIComponent(RESERVED.has(value) || value.startsWith(ESCAPE) ? `${ESCAPE}${value}` : value);
}

/** The value a route parameter stands for (the router has already percent-decoded it). */
export function fromSegment(param: string): string {
  return param.startsWith(ESCAPE) ? param.slice(ESCAPE.length) : param;
}

/** The name in a detail route's parameter, e.g. `useNameParam('userName')` on /users/:userName. */
export function useNameParam(param: string): string {
  return fromSegment(useParams()[param] ?? '');
}

/** The SPA's detail pages. */
export const detailPath = {
  user: (userName: string) => `/users/${segment(userName)}`,
  group: (groupName: string) => `/groups/${segment(groupName)}`,
  role: (roleName: string) => `/roles/${segment(roleName)}`,
  policy: (policyArn: string) => `/policies/${segment(policyArn)}`,
};

// Names of things the tests create: unique per run, so a rerun against a kept data dir cannot collide.
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

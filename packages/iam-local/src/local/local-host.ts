// The console sign-in trusts anyone who can reach it, which is only safe while only this machine can. A web page
// on a host name that resolves to 127.0.0.1 (DNS rebinding) reaches it too, but its requests carry that name in
// the Host header, so only loopback names and the listening address are accepted there.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host part of a Host header (without the port), lowercased; IPv6 addresses keep their brackets. */
function hostOf(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** True when `hostHeader` names this machine: a loopback name or `listenAddress` (IPv6 without brackets), any port. */
export function isLocalHost(hostHeader: string | undefined, listenAddress: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostOf(hostHeader);
  if (LOOPBACK_HOSTS.has(host)) return true;
  if (listenAddress === undefined || host === '') return false;
  return host === (listenAddress.includes(':') ? `[${listenAddress.toLowerCase()}]` : listenAddress.toLowerCase());
}

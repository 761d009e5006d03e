// IPv4 and IPv6 addresses and CIDR blocks for IpAddress / NotIpAddress. Hand-written rather than node:net
// so the evaluator also runs in the browser (the policy simulator).

export interface IpAddress {
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
}

export interface CidrBlock extends IpAddress {
  prefix: number;
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes[i] = n;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  let head = text;
  let v4Tail: Uint8Array | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    v4Tail = parseIpv4(text.slice(lastColon + 1));
    if (!v4Tail) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groupsOf(halves[0]!);
  const right = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const g = groups[i]!;
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 255;
  }
  if (v4Tail) bytes.set(v4Tail, 12);
  return bytes;
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is compared as the IPv4 address it carries. */
function unmapV4(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== 16) return bytes;
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return bytes;
  return bytes[10] === 255 && bytes[11] === 255 ? bytes.slice(12) : bytes;
}

export function parseIp(text: string): IpAddress | undefined {
  const t = text.trim();
  const bytes = t.includes(':') ? parseIpv6(t) : parseIpv4(t);
  return bytes ? { bytes: unmapV4(bytes) } : undefined;
}

/** `203.0.113.0/24`, `2001:DB8::/64`; no prefix means a single address (/32 or /128). */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!ip) return undefined;
  const bits = ip.bytes.length * 8;
  if (slash < 0) return { bytes: ip.bytes, prefix: bits };
  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  let prefix = Number(prefixText);
  // An IPv4-mapped block written in IPv6 notation keeps its prefix relative to the IPv4 part.
  if (bits === 32 && text.includes(':')) prefix -= 96;
  if (prefix < 0 || prefix > bits) return undefined;
  return { bytes: ip.bytes, prefix };
}

export function cidrContains(block: CidrBlock, ip: IpAddress): boolean {
  if (block.bytes.length !== ip.bytes.length) return false;
  let bits = block.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (0xff << (8 - bits)) & 255;
    if ((block.bytes[i]! & mask) !== (ip.bytes[i]! & mask)) return false;
  }
  return true;
}

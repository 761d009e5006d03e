// The host names the console answers to. DNS rebinding: a page of evil.example whose name is made to resolve to
// 127.0.0.1 reaches this port with Host: evil.example:8080 and Origin: http://evil.example:8080, and its browser
// counts the console as that page's own origin: it could read the CSRF token, sign in as a demo identity or the
// credential chain and act as it. So a request naming any other host is refused before the session is read,
// and a state-changing request's Origin must be one of the console's origins (not merely agree with Host).
//
// The console's names: localhost, 127.0.0.1, [::1] and the address it listens on (HOST), each on the port the
// connection came in on, plus the PUBLIC_URL origins (behind a proxy, port mapping, the Vite dev server).
import type { Request, RequestHandler } from 'express';
import { isWildcardHost } from '../config.ts';
import { ApiError } from '../http/api-error.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
/** A name or [IPv6 address] with an optional port: nothing URL parsing would read as credentials or a path. */
const HOST_VALUE = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface ConsoleOrigins {
  /** Origins (scheme://host[:port]) the console is served at, for this request's connection. */
  origins(req: Request): ReadonlySet<string>;
  /**
   * The host the request names that is not the console's (Host, or X-Forwarded-Host from a trusted proxy), or
   * undefined when every one is.
   */
  foreignHost(req: Request): string | undefined;
}

interface Served {
  origins: Set<string>;
  hosts: Set<string>;
}

export function consoleOrigins(config: { host: string; publicOrigins: readonly string[] }): ConsoleOrigins {
  const listen = (config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host).toLowerCase();
  const names = [...new Set([...LOOPBACK_NAMES, ...(isWildcardHost(listen) ? [] : [listen])])];
  const publicHosts = config.publicOrigins.map((origin) => new URL(origin).host);
  // One entry per scheme and local port the server is reached on: one or two.
  const served = new Map<string, Served>();
  const servedFor = (req: Request): Served => {
    const key = `${req.protocol}:${req.socket.localPort}`;
    let entry = served.get(key);
    if (!entry) {
      const local = names.flatMap((name) => {
        const url = `${req.protocol}://${name}:${req.socket.localPort}`;
        return URL.canParse(url) ? [new URL(url)] : [];
      });
      entry = {
        origins: new Set([...config.publicOrigins, ...local.map((u) => u.origin)]),
        hosts: new Set([...publicHosts, ...local.map((u) => u.host)]),
      };
      served.set(key, entry);
    }
    return entry;
  };
  // URL parsing lower-cases the name and drops the scheme's default port, as browsers send them.
  const normalHost = (req: Request, host: string) =>
    HOST_VALUE.test(host) && URL.canParse(`${req.protocol}://${host}`) ? new URL(`${req.protocol}://${host}`).host : undefined;

  return {
    origins: (req) => servedFor(req).origins,
    foreignHost(req) {
      const hosts = servedFor(req).hosts;
      // Both: a proxy that forwards the browser's Host and adds its own X-Forwarded-Host must see each allowed.
      for (const host of new Set([req.get('host') ?? '', req.host ?? ''])) {
        const normal = normalHost(req, host);
        if (!normal || !hosts.has(normal)) return host;
      }
      return undefined;
    },
  };
}

/** 421 Misdirected Request for a request naming a host that is not the console's; before any session is read. */
export function refuseForeignHosts(origins: ConsoleOrigins): RequestHandler {
  return (req, res, next) => {
    const host = origins.foreignHost(req);
    if (host === undefined) return next();
    const named = HOST_VALUE.test(host) ? `the host name ${host}` : 'this host name';
    const error = new ApiError(421, 'MisdirectedRequest', `This console does not answer to ${named}. Open it at its own address; further addresses are configured with PUBLIC_URL.`);
    res.status(error.status).json({ error: error.toBody() });
  };
}

// helmet with the Content-Security-Policy the SPA (Cloudscape + Monaco) needs and nothing more.
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  // Monaco and Cloudscape set inline styles; Trusted Types would break Monaco's workers.
  'style-src': ["'self'", "'unsafe-inline'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

export function securityHeaders(options: { hsts: boolean }) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: options.hsts,
  });
}

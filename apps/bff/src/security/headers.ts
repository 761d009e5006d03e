// helmet with the Content-Security-Policy the SPA (Cloudscape + Monaco) needs and nothing more, and a
// Permissions-Policy that turns off the browser features the console does not use.
import type { RequestHandler } from 'express';
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

/**
 * Powerful browser features the console never uses, turned off for it and anything it could embed; the copy
 * buttons write to the clipboard, from the console's own origin only. Only features Chromium knows (it warns about
 * any other, and the e2e suite fails on that warning).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'camera=()', 'display-capture=()', 'geolocation=()',
  'gyroscope=()', 'hid=()', 'idle-detection=()', 'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()',
  'publickey-credentials-get=()', 'screen-wake-lock=()', 'serial=()', 'usb=()', 'xr-spatial-tracking=()',
  'clipboard-read=()', 'clipboard-write=(self)',
].join(', ');

export function securityHeaders(options: { hsts: boolean }): RequestHandler {
  const helmetHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The console opens no window it must talk to; another site's window keeps no handle on it.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.hsts,
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    helmetHeaders(req, res, next);
  };
}

// Reads a QR code PNG back to its text (pngjs + jsqr), as an authenticator app's camera would.
import { PNG } from 'pngjs';
import jsqrModule from 'jsqr';

// jsqr is CommonJS with `exports.default`: under Node's ESM interop the default import is the exports object.
type JsQr = typeof jsqrModule.default;
const jsQR: JsQr = (jsqrModule as unknown as { default?: JsQr }).default ?? (jsqrModule as unknown as JsQr);

export function decodeQrPng(png: Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

// Measures what a first visit downloads: the entry chunk with everything it imports statically, plus the
// route chunk the first page needs (sign-in when signed out, the dashboard when signed in), from the Vite
// manifest of a production build. Prints one JSON line per figure; exits 1 when Monaco is in that set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const dist = join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;

/** The chunk ids `start` loads before it can run: itself and its static imports, transitively. */
function staticClosure(start: string, seen = new Set<string>()): Set<string> {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const id of manifest[start]?.imports ?? []) staticClosure(id, seen);
  return seen;
}

function filesOf(ids: Iterable<string>): Set<string> {
  const files = new Set<string>();
  for (const id of ids) {
    const chunk = manifest[id];
    if (!chunk) continue;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return files;
}

function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

function hasMonaco(ids: Iterable<string>): boolean {
  for (const id of ids) {
    const chunk = manifest[id];
    const names = [id, chunk?.src, chunk?.name, chunk?.file].filter(Boolean).join(' ');
    if (/monaco/i.test(names)) return true;
    if (chunk && /monaco-editor/.test(readFileSync(join(dist, chunk.file), 'utf8'))) return true;
  }
  return false;
}

const entry = Object.keys(manifest).find((id) => manifest[id]?.isEntry);
if (!entry) throw new Error('The Vite manifest has no entry chunk; run `vite build` first.');
const entryIds = staticClosure(entry);

const firstPages = { sign_in: 'src/app/routes/sign-in.tsx', dashboard: 'src/app/routes/dashboard.tsx' };
const report = (name: string, value: number, target?: string) =>
  console.log(JSON.stringify({ name, value, unit: 'kB', ...(target ? { target } : {}) }));

report('web.entry.gzip', gzipKb(filesOf(entryIds)));
let initial = 0;
let monaco = hasMonaco(entryIds);
for (const [page, source] of Object.entries(firstPages)) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk in the manifest`);
  const ids = staticClosure(source, new Set(entryIds));
  const size = gzipKb(filesOf(ids));
  report(`web.first_page.${page}.gzip`, size);
  initial = Math.max(initial, size);
  monaco ||= hasMonaco(ids);
}
report('web.initial_route.gzip', initial, '<= 550');
console.log(JSON.stringify({ name: 'web.initial_route.monaco_chunks', value: monaco ? 1 : 0, unit: 'count', target: '<= 0' }));
// Cloudscape's global styles embed fonts as data: URLs; the build must have turned them into files.
let inlineFonts = 0;
for (const chunk of Object.values(manifest)) {
  for (const css of [chunk.file, ...(chunk.css ?? [])].filter((file) => file.endsWith('.css'))) {
    inlineFonts += readFileSync(join(dist, css), 'utf8').split('data:font').length - 1;
  }
}
console.log(JSON.stringify({ name: 'web.css.inline_fonts', value: inlineFonts, unit: 'count', target: '<= 0' }));
if (inlineFonts > 0) {
  console.error('The built CSS still inlines fonts as data: URLs (see vite/extract-inline-fonts.ts).');
  process.exitCode = 1;
}
if (monaco) {
  console.error('Monaco is part of the initial route: it must only load on editor routes.');
  process.exitCode = 1;
}

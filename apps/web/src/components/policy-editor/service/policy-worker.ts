// The policy worker: the policy engine and the action catalog off the main thread, so typing never waits for
// validation. The catalog (about 2 MB of JSON) is fetched by this worker only, once, when an editor first opens.
import catalogUrl from '@iam-console/policy-engine/generated/catalog.json?url';
import type { Catalog } from '@iam-console/policy-engine/catalog/catalog.ts';
import { loadCatalog } from '@iam-console/policy-engine/catalog/load-browser.ts';
import { policyService } from './policy-service.ts';
import type { Method, WorkerMessage, WorkerMethods, WorkerRequest } from './protocol.ts';

const scope = self as unknown as { postMessage(message: WorkerMessage): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };
let catalog: Catalog | undefined;
const catalogLoad = loadCatalog(new URL(catalogUrl, self.location.href).href).then(
  (loaded) => {
    catalog = loaded;
    scope.postMessage({ event: 'catalogReady' });
  },
  (error: unknown) => scope.postMessage({ event: 'catalogFailed', message: error instanceof Error ? error.message : String(error) }),
);
const service = policyService(() => catalog);
/** Methods that are of no use without the catalog wait for it (validation does not: it reports again once it has it). */
const needsCatalog = new Set<Method>(['complete', 'hover', 'diff']);

scope.onmessage = async ({ data }) => {
  try {
    if (needsCatalog.has(data.method)) await catalogLoad;
    const method = service[data.method] as (...args: unknown[]) => unknown;
    scope.postMessage({ id: data.id, result: method(...(data.args as unknown[])) });
  } catch (error) {
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};

// The main thread's side of the policy worker: one worker for the page, calls as promises, and the catalog's
// arrival as an event (validation then runs again with the catalog's checks).
import PolicyWorker from './service/policy-worker.ts?worker';
import type { Method, WorkerMessage, WorkerMethods } from './service/protocol.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export interface PolicyWorkerClient {
  call<M extends Method>(method: M, ...args: Parameters<WorkerMethods[M]>): Promise<ReturnType<WorkerMethods[M]>>;
  /** Called once the catalog has loaded (or at once if it already has). Returns the unsubscribe function. */
  onCatalogReady(listener: () => void): () => void;
  /** Why the catalog could not load, if it could not. */
  readonly catalogProblem: string | undefined;
}

let client: PolicyWorkerClient | undefined;

export function policyWorker(): PolicyWorkerClient {
  client ??= createClient(new PolicyWorker());
  return client;
}

function createClient(worker: Worker): PolicyWorkerClient {
  const pending = new Map<number, Pending>();
  const readyListeners = new Set<() => void>();
  let nextId = 1;
  let ready = false;
  let catalogProblem: string | undefined;
  worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
    if ('event' in data) {
      if (data.event === 'catalogReady') {
        ready = true;
        for (const listener of readyListeners) listener();
      } else catalogProblem = data.message;
      return;
    }
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (!waiting) return;
    if ('error' in data) waiting.reject(new Error(data.error));
    else waiting.resolve(data.result);
  };
  return {
    call(method, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, method, args });
      });
    },
    onCatalogReady(listener) {
      if (ready) listener();
      readyListeners.add(listener);
      return () => readyListeners.delete(listener);
    },
    get catalogProblem() {
      return catalogProblem;
    },
  };
}

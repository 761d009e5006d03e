// Multi-step changes (create user with groups/policies/keys, delete with clean-up): run steps in
// order; when one fails, undo the completed ones in reverse and report which step failed.
import { ApiError } from '../http/api-error.ts';
import { toApiError } from '../http/error-middleware.ts';

export type Step = <T>(label: string, action: () => Promise<T>, undo?: (result: T) => Promise<unknown>) => Promise<T>;
/** A read between steps (listing what to delete): named if it fails, not reported as done. */
export type Look = <T>(label: string, action: () => Promise<T>) => Promise<T>;

interface Done {
  label: string;
  undo: () => Promise<unknown>;
}

function failure(err: unknown, label: string): ApiError {
  const apiError = toApiError(err);
  return new ApiError(apiError.status, apiError.code, apiError.message, { ...apiError.extra, failedStep: label });
}

/**
 * `what` names the whole change ("Creating user alice"). With `undoable` false (deletes: what is
 * deleted cannot come back) the error lists what was already done instead.
 */
export async function runSteps<T>(what: string, body: (step: Step, look: Look) => Promise<T>, options: { undoable: boolean } = { undoable: true }): Promise<T> {
  const done: Done[] = [];
  let current = '';
  const step: Step = async (label, action, undo) => {
    current = label;
    const result = await action();
    done.push({ label, undo: undo ? () => undo(result) : async () => undefined });
    return result;
  };
  const look: Look = (label, action) => {
    current = label;
    return action();
  };
  try {
    return await body(step, look);
  } catch (err) {
    const apiError = failure(err, current);
    if (!options.undoable) {
      const completed = done.map((d) => d.label);
      throw new ApiError(apiError.status, apiError.code, `${what} stopped at step "${current}": ${apiError.message}${completed.length ? ` Already done: ${completed.join('; ')}.` : ''}`, apiError.extra);
    }
    const notUndone: string[] = [];
    for (const d of done.reverse()) {
      try {
        await d.undo();
      } catch {
        notUndone.push(d.label);
      }
    }
    const rollback = notUndone.length
      ? ` Undoing the earlier steps failed for: ${notUndone.join('; ')} — check and clean up by hand.`
      : done.length ? ' The earlier steps were undone; nothing was kept.' : '';
    throw new ApiError(apiError.status, apiError.code, `${what} failed at step "${current}": ${apiError.message}${rollback}`, apiError.extra);
  }
}

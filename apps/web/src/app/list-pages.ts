// The code of the pages the side navigation leads to first. Each page stays its own chunk (the first visit
// downloads only the shell and the page it opens); once a signed-in shell is idle, these are fetched in the
// background so the first click on Users, Roles… does not wait for its code behind that page's API call.
export const listPageModules = {
  users: () => import('./routes/users.tsx'),
  groups: () => import('./routes/groups.tsx'),
  roles: () => import('./routes/roles.tsx'),
  policies: () => import('./routes/policies.tsx'),
};

const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 3000 }) : setTimeout(work, 1000);

/** Runs `loaders` one after another, each when the browser is idle; a failure moves on to the next. */
export function loadOneByOneWhenIdle(loaders: readonly (() => Promise<unknown>)[], idle: (work: () => void) => unknown = whenIdle): void {
  const queue = [...loaders];
  const next = () => {
    const load = queue.shift();
    // A failed preload only means the click will fetch (and report) it as usual.
    if (load) idle(() => void load().catch(() => undefined).then(next));
  };
  next();
}

let started = false;

/** Fetches the list pages' code in the background; once per page load. */
export function preloadListPages(): void {
  if (started) return;
  started = true;
  loadOneByOneWhenIdle(Object.values(listPageModules));
}

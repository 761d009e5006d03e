import { describe, expect, it } from 'vitest';
import { loadOneByOneWhenIdle } from '../src/app/list-pages.ts';

describe('background loading of the list pages', () => {
  it('loads one page at a time, each only when the browser says it is idle, and goes on after a failure', async () => {
    const idleWork: (() => void)[] = [];
    const started: string[] = [];
    const loader = (name: string, fails = false) => () => {
      started.push(name);
      return fails ? Promise.reject(new Error('chunk failed')) : Promise.resolve();
    };
    loadOneByOneWhenIdle([loader('users', true), loader('roles')], (work) => idleWork.push(work));
    expect(started).toEqual([]);
    idleWork.shift()?.();
    expect(started).toEqual(['users']);
    expect(idleWork).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(idleWork).toHaveLength(1);
    idleWork.shift()?.();
    expect(started).toEqual(['users', 'roles']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(idleWork).toHaveLength(0);
  });
});

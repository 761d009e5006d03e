import { defineConfig } from 'vitest/config';

// One run over every package that has a vitest.config.ts (and the repository's own scripts); e2e runs under Playwright instead.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'scripts/vitest.config.ts'],
  },
});

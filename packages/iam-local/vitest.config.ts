import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'iam-local', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'policy-engine', include: ['test/**/*.test.ts'] },
});

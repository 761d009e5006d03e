import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    // Pure logic runs in node; component tests opt into jsdom with a `@vitest-environment jsdom` comment.
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Cloudscape ships CSS imports inside its JS; let vite process them instead of node.
    server: { deps: { inline: [/@cloudscape-design/] } },
    css: false,
  },
});

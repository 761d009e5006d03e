// Starts the console BFF from environment variables and prints its URL.
import { loadConfig } from './config.ts';
import { startConsole } from './bootstrap.ts';

const config = loadConfig();
const running = await startConsole(config);
console.log(`IAM console: ${running.url}`);
if (config.localDemoFile) console.log(`Local mode: demo sign-ins from ${config.localDemoFile}`);

// Graceful: stop accepting, let requests in flight finish (bounded), write the audit counts still in memory,
// close the stores. A second signal is not caught, so it ends the process at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('IAM console: shutdown failed', err);
        process.exit(1);
      },
    );
  });
}

// Starts the console BFF from environment variables and prints its URL.
import { loadConfig } from './config.ts';
import { startConsole } from './bootstrap.ts';

const config = loadConfig();
const running = await startConsole(config);
console.log(`IAM console: ${running.url}`);
if (config.localDemoFile) console.log(`Local mode: demo sign-ins from ${config.localDemoFile}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

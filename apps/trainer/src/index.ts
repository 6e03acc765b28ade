import { parseEnv } from './env';
import { startApp } from './main';

const app = await startApp(parseEnv());
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.stop().then(() => process.exit(0), () => process.exit(1));
  });
}

import { runWorkerProcess } from '@tessera/jobs';
import { parseEnv } from './env';
import { startApp } from './main';

runWorkerProcess(() => startApp(parseEnv()));

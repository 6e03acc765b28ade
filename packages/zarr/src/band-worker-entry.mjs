// Worker entry: registers tsx so the TypeScript worker runs without a build step (under tsx, vitest or node).
import { register } from 'tsx/esm/api';

register();
await import('./band-worker.ts');

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const SERVER = path.resolve(import.meta.dirname, 'annotation-http-server.ts');
const WEB_ROOT = path.resolve(import.meta.dirname, '../../../..');

const PRODUCTION_SERVER = path.join(WEB_ROOT, 'server.ts');

/**
 * Starts the annotation handlers in their own process and resolves once it listens: on annotation-http-server.ts
 * (the fast routes alone, no build needed), or with host 'production' on apps/web/server.ts — what `npm start`
 * runs (Next.js plus the fast routes; needs `next build`).
 */
export async function spawnAnnotationServer(env: Record<string, string>, port: number, host: 'plain' | 'production' = 'plain'): Promise<ChildProcess> {
  const profile = process.env.ANNOTATION_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ANNOTATION_SERVER_PROFILE}`] : [];
  const args = [...profile, '--import', 'tsx', host === 'production' ? PRODUCTION_SERVER : SERVER];
  const child = spawn(process.execPath, args, {
    cwd: WEB_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: '127.0.0.1', TSX_TSCONFIG_PATH: path.join(WEB_ROOT, 'tsconfig.json'), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = host === 'production' ? /Ready on/ : /listening/;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    // a profiled server must exit normally to write its profile
    child.kill(process.env.ANNOTATION_SERVER_PROFILE ? 'SIGTERM' : 'SIGKILL');
  });
}

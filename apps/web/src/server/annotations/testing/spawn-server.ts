import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const SERVER = path.resolve(import.meta.dirname, 'annotation-http-server.ts');
const WEB_ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Starts annotation-http-server.ts in its own process (tsx) and resolves once it listens. */
export async function spawnAnnotationServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.ANNOTATION_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ANNOTATION_SERVER_PROFILE}`] : []), '--import', 'tsx', SERVER], {
    cwd: WEB_ROOT,
    env: { ...process.env, ...env, PORT: String(port), TSX_TSCONFIG_PATH: path.join(WEB_ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening')) {
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

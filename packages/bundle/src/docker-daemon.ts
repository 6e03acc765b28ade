import http from 'node:http';
import { existsSync } from 'node:fs';

/** Where the Docker Engine API answers: DOCKER_HOST (unix:// or tcp://) or the default socket. */
export interface DockerTarget {
  socketPath?: string;
  host?: string;
  port?: number;
}

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';

export function dockerTarget(dockerHost: string | undefined): DockerTarget | null {
  if (dockerHost) {
    if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
    const u = new URL(dockerHost.replace(/^tcp:/, 'http:'));
    return { host: u.hostname, port: Number(u.port || 2375) };
  }
  return existsSync(DEFAULT_DOCKER_SOCKET) ? { socketPath: DEFAULT_DOCKER_SOCKET } : null;
}

function request(t: DockerTarget, method: string, path: string, body?: Uint8Array, headers: Record<string, string> = {}, timeoutMs = 2000): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ ...t, method, path, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('Docker daemon did not answer in time')));
    req.on('error', reject);
    req.end(body ? Buffer.from(body) : undefined);
  });
}

/** True when a Docker daemon answers GET /_ping. */
export async function dockerAvailable(t: DockerTarget | null): Promise<boolean> {
  if (!t) return false;
  try {
    return (await request(t, 'GET', '/_ping')).status === 200;
  } catch {
    return false;
  }
}

export interface DockerBuildResult {
  built: boolean;
  note: string;
  tag?: string;
  /** `docker save` output (a tar of the image) when built. */
  image?: Uint8Array;
}

/**
 * Builds the bundle's image from its .tar.gz build context (Engine API POST /build, the call dockerode's buildImage
 * makes) and returns `docker save` output. Where no daemon answers, says so and builds nothing.
 */
export async function buildDockerImage(context: Uint8Array, tag: string, dockerHost?: string): Promise<DockerBuildResult> {
  const t = dockerTarget(dockerHost);
  if (!(await dockerAvailable(t))) {
    return { built: false, note: 'No Docker daemon answered (DOCKER_HOST or /var/run/docker.sock): the build context was produced; build it with `docker build`.' };
  }
  const res = await request(t!, 'POST', `/build?t=${encodeURIComponent(tag)}&rm=1&forcerm=1`, context, { 'content-type': 'application/x-tar' }, 30 * 60_000);
  const log = res.body.toString('utf8');
  const failed = log.split('\n').filter(Boolean).map((l) => { try { return JSON.parse(l) as { error?: string }; } catch { return {}; } }).find((m) => m.error);
  if (res.status !== 200 || failed) return { built: false, note: `docker build failed: ${failed?.error ?? `HTTP ${res.status}`}` };
  const saved = await request(t!, 'GET', `/images/${encodeURIComponent(tag)}/get`, undefined, {}, 30 * 60_000);
  if (saved.status !== 200) return { built: true, tag, note: `built ${tag}; docker save failed with HTTP ${saved.status}` };
  return { built: true, tag, note: `built ${tag}`, image: new Uint8Array(saved.body) };
}

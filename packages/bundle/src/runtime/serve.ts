import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadedModel } from '@tessera/inference';
import { encodeTiff, runModelOnImage } from './run-model';

export const MAX_IMAGE_BYTES = 1024 ** 3;

export interface RuntimeServer {
  port: number;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > MAX_IMAGE_BYTES) {
        reject(Object.assign(new Error('Image larger than 1 GiB'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * GET /health → { ok, type, classes }. POST /predict with a TIFF/PNG body → JSON { type, classes, width, height,
 * objectCount, labels: base64 TIFF, objects: CSV }; with `Accept: image/tiff` the label TIFF alone (object count in
 * the `x-object-count` header). One image at a time (the model session is shared).
 */
export function startServer(model: LoadedModel, opts: { port: number; host: string }): Promise<RuntimeServer> {
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://runtime');
    if (req.method === 'GET' && url.pathname === '/health') {
      send(res, 200, { ok: true, type: model.type, classes: model.classes });
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/predict') {
      send(res, 404, { error: { code: 'NOT_FOUND', message: 'Use POST /predict or GET /health.' } });
      return;
    }
    const job = queue.then(async () => {
      try {
        const body = await readBody(req);
        if (body.length === 0) return send(res, 400, { error: { code: 'INPUT_INVALID', message: 'Send a TIFF or PNG image as the request body.' } });
        const out = await runModelOnImage(model, body);
        const tiff = encodeTiff(out.labels);
        if ((req.headers.accept ?? '').includes('image/tiff')) {
          res.writeHead(200, { 'content-type': 'image/tiff', 'x-object-count': String(out.objectCount ?? '') });
          res.end(Buffer.from(tiff));
          return;
        }
        send(res, 200, {
          type: model.type, classes: model.classes, width: out.labels.width, height: out.labels.height,
          objectCount: out.objectCount ?? null, labels: Buffer.from(tiff).toString('base64'), objects: out.objectsCsv ?? null,
        });
      } catch (e) {
        const status = (e as { status?: number }).status ?? 400;
        send(res, status, { error: { code: (e as { code?: string }).code ?? 'PREDICT_FAILED', message: (e as Error).message } });
      }
    });
    queue = job;
  });
  return new Promise((resolve) => {
    server.listen(opts.port, opts.host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGetClient } from './raw-http-get';

/**
 * The client's HTTP framing against a TCP peer that answers each request with a scripted list of byte pieces
 * (sent one by one, so headers and bodies arrive split as a real network may split them).
 */
let server: net.Server;
let port = 0;
let connections = 0;
const open = new Set<net.Socket>();
const scripts: (string | Buffer)[][] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections++;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('data', async (d) => {
      if (!d.toString('latin1').includes('\r\n\r\n')) return;
      for (const piece of scripts.shift() ?? []) {
        if (piece === 'CLOSE') return void socket.end();
        socket.write(piece);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => {
  for (const s of open) s.destroy();
  server.close(() => r());
}));

const body = Buffer.from(Array.from({ length: 3000 }, (_, i) => i & 255));

describe('rawGetClient', () => {
  it('reads a header and body split across socket reads, into the caller\'s array, and reuses the connection', async () => {
    const client = rawGetClient('127.0.0.1', port, `127.0.0.1:${port}`);
    const before = connections;
    scripts.push(['HTTP/1.1 206 Partial Content\r\nContent-Le', `ngth: 3000\r\nContent-Range: bytes 10-3009/9999\r\n\r\n`, body.subarray(0, 100), body.subarray(100)]);
    scripts.push([Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 3000\r\n\r\n'), body])]);
    const into = new Uint8Array(4000);
    const a = await client.get('/b/k', { range: 'bytes=10-3009' }, into);
    expect(a).toMatchObject({ status: 206, contentRange: 'bytes 10-3009/9999' });
    expect(a.body.buffer).toBe(into.buffer);
    expect(Buffer.from(a.body)).toEqual(body);
    const b = await client.get('/b/k', {});
    expect(Buffer.from(b.body)).toEqual(body);
    expect(connections - before).toBe(1);
    client.close();
  });
  it('an answer cut short fails as retryable; the next GET opens a new connection', async () => {
    const client = rawGetClient('127.0.0.1', port, `127.0.0.1:${port}`);
    scripts.push(['HTTP/1.1 200 OK\r\nContent-Length: 3000\r\n\r\n', body.subarray(0, 50), 'CLOSE']);
    await expect(client.get('/b/k', {})).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/closed before the answer was complete/) });
    scripts.push([Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n'), body.subarray(0, 3)])]);
    expect(Array.from((await client.get('/b/k', {})).body)).toEqual([0, 1, 2]);
    client.close();
  });
  it('errors carry their status and body; a success without Content-Length or with extra bytes is refused', async () => {
    const client = rawGetClient('127.0.0.1', port, `127.0.0.1:${port}`);
    scripts.push(['HTTP/1.1 503 Slow Down\r\nContent-Length: 9\r\n\r\n<Error/>\n']);
    await expect(client.get('/b/k', {})).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/answered 503: <Error\/>/) });
    scripts.push(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n']);
    await expect(client.get('/b/k', {})).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/without Content-Length/) });
    scripts.push(['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabc']);
    await expect(client.get('/b/k', {})).rejects.toMatchObject({ message: expect.stringMatching(/more bytes than Content-Length/) });
    client.close();
  });
});

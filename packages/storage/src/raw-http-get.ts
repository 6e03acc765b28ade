import net from 'node:net';

/** One answer to a GET: its status, Content-Range and body (a view of `into` when the body fit there). */
export interface RawAnswer { status: number; contentRange?: string; body: Uint8Array }

/** Errors worth another try carry `retryable` (as the keep-alive client's do). */
const failure = (message: string, retryable: boolean) => Object.assign(new Error(message), { retryable });

const READ_BUFFER = 1 << 20;
const HEAD_LIMIT = 64 << 10;

/**
 * HTTP/1.1 GETs over plain TCP whose socket reads land in one reused 1 MiB buffer per connection, copied from there
 * into the caller's array: Node's HTTP client takes a fresh buffer for every socket read, which cost ingest ~1.6 CPU-s
 * in new pages and GC per 1.6 GB read (its 20000² benchmark). Keep-alive connections are kept for the next GET.
 * A successful answer must carry Content-Length (S3 sends it with every object); an error without one is reported by
 * its status.
 */
export function rawGetClient(hostname: string, port: number, hostHeader: string) {
  const idle: Connection[] = [];
  return {
    get(path: string, headers: Record<string, string>, into?: Uint8Array): Promise<RawAnswer> {
      let conn = idle.pop();
      while (conn?.socket.destroyed) conn = idle.pop();
      conn ??= new Connection(hostname, port, hostHeader);
      return conn.get(path, headers, into).then((answer) => {
        if (conn.reusable) idle.push(conn);
        return answer;
      });
    },
    close() {
      for (const c of idle.splice(0)) c.socket.destroy();
    },
  };
}

class Connection {
  readonly socket: net.Socket;
  reusable = false;
  private readonly buffer = Buffer.allocUnsafeSlow(READ_BUFFER);
  private onBytes: ((bytes: Uint8Array) => void) | undefined;
  private onEnd: ((e: Error) => void) | undefined;

  constructor(hostname: string, port: number, private readonly host: string) {
    this.socket = net.connect({ host: hostname, port, noDelay: true, onread: { buffer: this.buffer, callback: (n, buf) => { this.onBytes?.(buf.subarray(0, n)); return true; } } });
    this.socket.on('error', (e) => this.onEnd?.(failure(`S3 GET: ${e.message}`, true)));
    this.socket.on('close', () => this.onEnd?.(failure('S3 GET: the connection closed before the answer was complete', true)));
  }

  get(path: string, headers: Record<string, string>, into?: Uint8Array): Promise<RawAnswer> {
    this.reusable = false;
    return new Promise<RawAnswer>((resolve, reject) => {
      const head: Buffer[] = [];
      let headBytes = 0;
      let status = 0;
      let contentRange: string | undefined;
      let out: Uint8Array | undefined;
      let at = 0;
      let keepAlive = true;
      const finish = (e?: Error) => {
        this.onBytes = undefined;
        this.onEnd = undefined;
        if (e) {
          this.socket.destroy();
          return reject(e);
        }
        this.reusable = keepAlive;
        if (!keepAlive) this.socket.destroy();
        if (status >= 200 && status < 300) return resolve({ status, contentRange, body: out! });
        const text = Buffer.from(out!.buffer, out!.byteOffset, out!.byteLength).toString().slice(0, 300);
        reject(failure(`S3 GET ${path.split('?')[0]} answered ${status}: ${text}`, status >= 500 || status === 429));
      };
      const body = (bytes: Uint8Array) => {
        const n = Math.min(bytes.length, out!.length - at);
        out!.set(bytes.subarray(0, n), at);
        at += n;
        if (at === out!.length) finish(n === bytes.length ? undefined : failure('S3 GET: more bytes than Content-Length', false));
      };
      this.onEnd = finish;
      this.onBytes = (bytes) => {
        if (out) return body(bytes);
        head.push(Buffer.from(bytes)); // the read buffer is reused: keep a copy of header bytes
        headBytes += bytes.length;
        const all = head.length === 1 ? head[0]! : Buffer.concat(head);
        const end = all.indexOf('\r\n\r\n');
        if (end < 0) {
          if (headBytes > HEAD_LIMIT) finish(failure('S3 GET: the answer\'s header is too long', false));
          return;
        }
        const lines = all.subarray(0, end).toString('latin1').split('\r\n');
        status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0]!)?.[1] ?? 0);
        const fields = new Map(lines.slice(1).map((l) => {
          const i = l.indexOf(':');
          return [l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim()] as const;
        }));
        const length = Number(fields.get('content-length'));
        const ok = status >= 200 && status < 300;
        keepAlive = !/close/i.test(fields.get('connection') ?? '');
        if (!status || !Number.isSafeInteger(length) || fields.has('transfer-encoding')) {
          if (!status || ok) return finish(failure(`S3 GET: an answer without Content-Length (${lines[0]})`, false));
          // an error whose body's end we cannot tell: its status is the message, the connection is not reused
          keepAlive = false;
          out = new Uint8Array(0);
          return finish();
        }
        contentRange = fields.get('content-range');
        out = ok && into && into.byteLength >= length ? into.subarray(0, length) : new Uint8Array(length);
        if (length === 0) return finish();
        const rest = all.subarray(end + 4);
        if (rest.length) body(rest);
      };
      const lines = [`GET ${path} HTTP/1.1`, `Host: ${this.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''];
      this.socket.write(lines.join('\r\n'));
    });
  }
}

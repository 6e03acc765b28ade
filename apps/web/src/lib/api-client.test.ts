import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, api, asSentence, errorMessage, fieldErrors } from './api-client';

// A real HTTP server answering like the Tessera API does.
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const send = (status: number, payload?: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    if (req.url === '/ok') return send(200, { method: req.method, type: req.headers['content-type'] ?? null, body: body ? JSON.parse(body) : null });
    if (req.url === '/gone') return send(204);
    if (req.url === '/owner')
      return send(409, { error: { code: 'LAST_OWNER', message: 'You are the last owner. Make someone else an owner first.' } });
    if (req.url === '/invalid')
      return send(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid body: password: must be at least 10 characters',
          details: [
            { path: 'password', message: 'must be at least 10 characters' },
            { path: 'labelClasses.1.color', message: "must be a colour like '#1f77b4'" },
            { path: 'password', message: 'second issue on the same field' },
          ],
        },
      });
    if (req.url === '/html') return send(502, '<html>Bad gateway</html>', 'text/html');
    return send(404, { error: { code: 'NOT_FOUND', message: 'Project not found.' } });
  });
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('api client', () => {
  it('sends JSON and parses the answer', async () => {
    const r = await api.post<{ method: string; type: string; body: unknown }>(`${base}/ok`, { name: 'Nuclei' });
    expect(r).toEqual({ method: 'POST', type: 'application/json', body: { name: 'Nuclei' } });
    expect(await api.get<{ type: string | null }>(`${base}/ok`)).toMatchObject({ method: 'GET', type: null });
  });

  it('returns undefined for 204', async () => {
    await expect(api.delete(`${base}/gone`)).resolves.toBeUndefined();
  });

  it("surfaces the API's error code and message as written", async () => {
    const e = await api.delete(`${base}/owner`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: 'LAST_OWNER', message: 'You are the last owner. Make someone else an owner first.' });
    expect(errorMessage(e)).toBe('You are the last owner. Make someone else an owner first.');
  });

  it('maps validation issues to fields, first message per field, as sentences', async () => {
    const e = await api.post(`${base}/invalid`, {}).catch((x: unknown) => x);
    expect(fieldErrors(e)).toEqual({
      password: 'Must be at least 10 characters.',
      'labelClasses.1.color': "Must be a colour like '#1f77b4'.",
    });
    expect(fieldErrors(new ApiError(400, 'X', 'm', [{ path: ['name'], message: 'required' }]))).toEqual({ name: 'Required.' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('gives a readable message when the body is not the API format or the server is unreachable', async () => {
    const e = await api.get(`${base}/html`).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 502, code: 'HTTP_502' });
    expect(errorMessage(e)).toMatch(/HTTP 502/);
    const down = await api.get('http://127.0.0.1:1/nothing').catch((x: unknown) => x);
    expect(down).toMatchObject({ code: 'NETWORK' });
  });

  it('asSentence capitalises and ends with a full stop once', () => {
    expect(asSentence('must be unique')).toBe('Must be unique.');
    expect(asSentence('Already fine!')).toBe('Already fine!');
    expect(asSentence('')).toBe('');
  });
});

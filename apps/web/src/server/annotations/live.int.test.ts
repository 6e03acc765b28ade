/* eslint-disable @typescript-eslint/no-explicit-any -- SSE payloads are checked by the assertions */
import '../../../test/setup-env';
import { afterAll, describe, expect, it } from 'vitest';
import { getAnnotationEvents, postAnnotationOps, postPresence } from '@/server/api/endpoints/annotations';
import { redis } from '@/server/context';
import { callRoute, ORIGIN } from '../../../test/call-route';
import { annotationFixture, strokeOp } from './test-fixture';

/** Reads SSE events from a streaming Response until `until` says stop. */
async function readEvents(res: Response, until: (events: { event: string; data: any; id?: string }[]) => boolean, timeoutMs = 5000) {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  const events: { event: string; data: any; id?: string }[] = [];
  let buf = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(events) && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    buf += dec.decode(chunk.value, { stream: true });
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const ev: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const k = line.indexOf(':');
        if (k > 0) ev[line.slice(0, k)] = line.slice(k + 1).trim();
      }
      if (ev.event) events.push({ event: ev.event, data: JSON.parse(ev.data ?? 'null'), id: ev.id });
    }
  }
  return { events, reader };
}

function openStream(auth: { session: string }, params: Record<string, string>, after = 0) {
  const ctl = new AbortController();
  const req = new Request(`${ORIGIN}/x?after=${after}`, { headers: { cookie: auth.session, host: 'tessera.test', accept: 'text/event-stream' }, signal: ctl.signal });
  return { res: getAnnotationEvents(req, { params: Promise.resolve(params) }), ctl };
}

afterAll(() => {
  redis().disconnect();
});

describe('live collaboration over SSE + Redis pub/sub', () => {
  it('catches up from ?after, then relays live ops and presence of others, in seq order', async () => {
    const f = await annotationFixture();
    const params = { orgId: f.orgId, imageId: f.imageId };
    const a = f.members.ANNOTATOR!.auth, r = f.members.REVIEWER!.auth;
    await callRoute(postAnnotationOps, { method: 'POST', params, auth: a, body: { ops: [strokeOp(f.nucleus, [1, 1]), strokeOp(f.nucleus, [2, 2])] } });
    const { res, ctl } = openStream(r, params, 1);
    const response = await res;
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const first = await readEvents(response, (ev) => ev.some((e) => e.event === 'op'));
    expect(first.events[0]!.event).toBe('hello');
    expect(first.events.filter((e) => e.event === 'op').map((e) => e.data.seq)).toEqual([2]);
    const t0 = Date.now();
    const live = strokeOp(f.nucleus, [5, 5, 6, 6]);
    await callRoute(postAnnotationOps, { method: 'POST', params, auth: a, body: { ops: [live] } });
    await callRoute(postPresence, { method: 'POST', params, auth: a, body: { x: 12.5, y: 7, tool: 'brush' } });
    const rest: { event: string; data: any }[] = [];
    const got = await (async () => {
      const reader = first.reader;
      reader.releaseLock();
      return readEvents(response, (ev) => ev.some((e) => e.event === 'op') && ev.some((e) => e.event === 'presence' && e.data.x === 12.5));
    })();
    rest.push(...got.events);
    expect(Date.now() - t0).toBeLessThan(2000);
    const op = rest.find((e) => e.event === 'op')!;
    expect(op.data).toMatchObject({ seq: 3, userId: f.members.ANNOTATOR!.id, annotation: { id: live.annotation.id, geometry: live.annotation.geometry } });
    expect(rest.find((e) => e.event === 'presence' && e.data.x === 12.5)!.data).toMatchObject({ userId: f.members.ANNOTATOR!.id, y: 7, tool: 'brush' });
    ctl.abort();
  });

  it('refuses outsiders before streaming', async () => {
    const f = await annotationFixture();
    const g = await annotationFixture();
    const { res } = openStream(g.owner.auth, { orgId: f.orgId, imageId: f.imageId });
    expect((await res).status).toBe(404);
    const { res: res2 } = openStream(g.owner.auth, { orgId: g.orgId, imageId: f.imageId });
    expect((await res2).status).toBe(404);
  });
});

'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '@/lib/api-client';
import { annotationPaths, opsSender, toClassStyles, type AnnotationsResponse } from './annotation-api';
import { EditorEngine } from './engine/editor-engine';
import { connectLive, type PresenceInfo } from './engine/live-client';
import { localQueueStorage } from './engine/op-queue';

export interface Comment { id: string; x: number; y: number; body: string; resolved: boolean; authorId: string }

/** Wires one EditorEngine to the API: initial load, the durable outbox, live events, presence and comments. */
export function useAnnotationSession(orgId: string, userId: string, data: AnnotationsResponse, readOnly: boolean) {
  const engine = useMemo(
    () => new EditorEngine({
      userId,
      classes: toClassStyles(data.labelClasses),
      instanceProject: data.image.projectKind === 'INSTANCE',
      storage: localQueueStorage(`tessera:annotation-outbox:${userId}:${data.image.id}`),
      send: opsSender(orgId, data.image.id),
      readOnly,
    }),
    [orgId, userId, data, readOnly],
  );
  const [revision, setRevision] = useState(0);
  const [queue, setQueue] = useState({ pending: engine.queue.pending.length, online: true });
  const [live, setLive] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [presence, setPresence] = useState<Record<string, PresenceInfo>>({});
  const [status, setStatus] = useState(data.status);
  const [comments, setComments] = useState<Comment[]>([]);
  const lastPresence = useRef(0);

  useEffect(() => {
    const off = engine.subscribe((e) => {
      if (e.type === 'queue') setQueue({ pending: e.pending, online: e.online });
      else if (e.type === 'refused') setNotice(e.message);
      setRevision((r) => r + 1);
    });
    engine.load(data.annotations);
    const conn = connectLive(annotationPaths.events(orgId, data.image.id), data.seq, {
      onOp: (e) => engine.applyRemote(e.annotation),
      onPresence: (p) => p.userId !== userId && setPresence((m) => ({ ...m, [p.userId]: p })),
      onLeave: (id) => setPresence((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== id))),
      onReview: (e) => setStatus(e.status),
      onComment: (c) => setComments((cs) => [...cs.filter((x) => x.id !== (c as Comment).id), c as Comment]),
      onConnection: (ok) => {
        setLive(ok);
        if (ok) engine.queue.retryNow();
      },
    });
    const online = () => engine.queue.retryNow();
    window.addEventListener('online', online);
    const retry = setInterval(() => engine.queue.pending.length && engine.queue.retryNow(), 3000);
    void api.get<{ comments: Comment[] }>(annotationPaths.comments(orgId, data.image.id)).then((r) => setComments(r.comments)).catch(() => undefined);
    return () => {
      off();
      conn.close();
      clearInterval(retry);
      window.removeEventListener('online', online);
    };
  }, [engine, orgId, userId, data]);

  const sendPresence = (p: { x: number; y: number } | null) => {
    const now = Date.now();
    if (p && now - lastPresence.current < 250) return;
    lastPresence.current = now;
    void api.post(annotationPaths.presence(orgId, data.image.id), { x: p?.x ?? null, y: p?.y ?? null, tool: engine.mode }).catch(() => undefined);
  };

  return { engine, revision, queue, live, notice, setNotice, presence: Object.values(presence), status, setStatus, comments, setComments, sendPresence };
}

'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useResource } from '@/lib/use-resource';
import { annotationPaths, type AnnotationsResponse } from './annotation-api';
import { AnnotationCanvas } from './annotation-canvas';
import { EditorSurface } from './editor-surface';
import type { ImageDto } from '@/server/images/image-dto';
import { imagePaths } from '@/components/images/format-image';
import type { EditorMode } from './engine/types';
import { ReviewPanel } from './review-panel';
import { useAnnotationSession } from './use-annotation-session';

const TOOLS: { mode: EditorMode; label: string; key: string }[] = [
  { mode: 'pan', label: 'Pan', key: 'V' }, { mode: 'brush', label: 'Brush', key: 'B' }, { mode: 'eraser', label: 'Eraser', key: 'E' },
  { mode: 'polygon', label: 'Polygon', key: 'P' }, { mode: 'fill', label: 'Fill holes', key: 'F' },
];
const WRITE = ['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER'], REVIEW = ['OWNER', 'ADMIN', 'REVIEWER'];

export function AnnotationEditorPage({ projectId, imageId }: { projectId: string; imageId: string }) {
  const { org, user } = useOrg();
  const { data, error, loading, reload } = useResource<AnnotationsResponse>(annotationPaths.list(org.id, imageId));
  const dto = useResource<ImageDto>(imagePaths.one(org.id, projectId, imageId));
  if (loading && !data) return <LoadingState label="Loading annotations…" />;
  if (error || !data) return <ErrorState message={error ?? 'Image not found.'} onRetry={() => void reload()} />;
  if (!data.image.width || !data.image.height) return <ErrorState message="This image is still being processed; annotate it once it is ready." onRetry={() => void reload()} />;
  if (dto.loading && !dto.data) return <LoadingState label="Loading image…" />;
  return <Editor orgId={org.id} userId={user.id} role={org.role} data={data} dto={dto.data} />;
}

function Editor({ orgId, userId, role, data, dto }: { orgId: string; userId: string; role: string; data: AnnotationsResponse; dto: ImageDto | null }) {
  const canWrite = WRITE.includes(role);
  const s = useAnnotationSession(orgId, userId, data, !canWrite);
  const { engine } = s;
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);
  const [pin, setPin] = useState<{ x: number; y: number } | null>(null);
  const goTo = useRef<(c: { x: number; y: number }) => void>(() => undefined);
  const setGoTo = useCallback((fn: (c: { x: number; y: number }) => void) => (goTo.current = fn), []);
  useEffect(() => {
    // links from the checks list open the editor at the place: ?x=&y=
    const q = new URLSearchParams(window.location.search);
    const x = Number(q.get('x')), y = Number(q.get('y'));
    if (q.has('x') && Number.isFinite(x) && Number.isFinite(y)) setTimeout(() => goTo.current({ x, y }), 0);
  }, []);

  return (
    <div className="flex flex-col gap-3 lg:flex-row" onKeyDownCapture={(e) => {
      // capture phase: the editor's keys (1–9 classes, tools, undo) win over the viewer's (1 = 1:1 zoom)
      if ((e.target as HTMLElement).closest('input, textarea, select')) return;
      if (engine.key(e)) {
        e.preventDefault();
        e.stopPropagation();
      }
    }}>
      <div className="min-w-0 flex-1">
        <div className="mb-2 flex flex-wrap items-center gap-2" role="toolbar" aria-label="Annotation tools">
          <h1 className="mr-auto truncate text-lg font-semibold text-slate-900">{data.image.name}</h1>
          {TOOLS.map((t) => (
            <Button key={t.mode} size="sm" variant={engine.mode === t.mode ? 'primary' : 'secondary'} aria-pressed={engine.mode === t.mode}
              disabled={!canWrite && t.mode !== 'pan'} onClick={() => engine.setMode(t.mode)} title={`${t.label} (${t.key})`}>{t.label}</Button>
          ))}
          <Button size="sm" variant="secondary" disabled={!engine.undo.canUndo} onClick={() => engine.undoLast()} title="Undo (Ctrl+Z)">Undo</Button>
          <Button size="sm" variant="secondary" disabled={!engine.undo.canRedo} onClick={() => engine.redo()} title="Redo (Ctrl+Shift+Z)">Redo</Button>
        </div>
        <div className="h-[70vh] w-full overflow-hidden rounded-lg focus-visible:ring-2 focus-visible:ring-indigo-500" tabIndex={0}
          aria-label="Annotation canvas. Keys: 1–9 class, B brush, E eraser, P polygon, F fill holes, V pan, [ ] brush size, Ctrl+Z undo.">
          <EditorSurface dto={dto} width={data.image.width!} height={data.image.height!} pan={engine.mode === 'pan'} goTo={setGoTo}
            onPointer={(e, zoom) => {
              setCursor(e.type === 'leave' ? null : e.image);
              s.sendPresence(e.type === 'leave' ? null : e.image);
              if (e.type === 'down') setPin(e.image);
              return engine.pointer(e, zoom);
            }}>
            {(vp) => <AnnotationCanvas engine={engine} viewport={vp} revision={s.revision} cursor={cursor} presence={s.presence} comments={s.comments} />}
          </EditorSurface>
        </div>
        <p className="mt-1 text-xs text-slate-600" data-testid="sync-status" aria-live="polite">
          {s.queue.pending === 0 ? 'All changes saved' : `${s.queue.pending} change${s.queue.pending === 1 ? '' : 's'} waiting to be saved${s.queue.online ? '…' : ' (offline — kept in this browser)'}`}
          {' · '}{s.live ? 'live' : 'reconnecting…'}{' · '}<span data-testid="object-count">{engine.store.size}</span> objects
          {s.presence.length > 0 && <> · here: <span data-testid="presence-list">{s.presence.map((p) => p.name).join(', ')}</span></>}
        </p>
        {s.notice && <p role="alert" className="mt-1 text-sm text-amber-800">{s.notice} <button type="button" className="underline" onClick={() => s.setNotice(null)}>Dismiss</button></p>}
      </div>
      <aside className="w-full space-y-3 lg:w-72" aria-label="Classes and review">
        <section aria-label="Label classes" className="space-y-1 rounded-md border border-slate-200 p-3 text-sm">
          {engine.classes.map((c, i) => (
            <div key={c.id} className="flex items-center gap-2">
              <button type="button" aria-pressed={engine.classId === c.id} onClick={() => engine.setClass(c.id)}
                className={`flex flex-1 items-center gap-2 rounded px-1 py-0.5 text-left focus-visible:outline focus-visible:outline-2 ${engine.classId === c.id ? 'bg-slate-200 font-semibold' : ''}`}>
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: c.color }} />{i < 9 ? `${i + 1} · ` : ''}{c.name}
              </button>
              <label className="sr-only" htmlFor={`vis-${c.id}`}>Show {c.name}</label>
              <input id={`vis-${c.id}`} type="checkbox" checked={c.visible} onChange={(e) => engine.setClassStyle(c.id, { visible: e.target.checked })} />
              <label className="sr-only" htmlFor={`op-${c.id}`}>Opacity of {c.name}</label>
              <input id={`op-${c.id}`} type="range" min={0.1} max={1} step={0.05} value={c.opacity} className="w-16" onChange={(e) => engine.setClassStyle(c.id, { opacity: Number(e.target.value) })} />
            </div>
          ))}
          <label className="mt-2 flex items-center gap-2" htmlFor="brush-size">Brush {engine.brushSize}px
            <input id="brush-size" type="range" min={1} max={200} value={engine.brushSize} onChange={(e) => engine.setBrushSize(Number(e.target.value))} className="flex-1" />
          </label>
          <label className="flex items-center gap-2"><input type="checkbox" checked={engine.instanceMode} onChange={() => engine.key({ key: 'i' })} /> Instance mode (each object separate)</label>
        </section>
        <ReviewPanel orgId={orgId} imageId={data.image.id} status={s.status} canWrite={canWrite} canReview={REVIEW.includes(role)} pin={pin}
          onStatus={s.setStatus} onGoTo={(p) => goTo.current(p)} />
        <p className="text-xs text-slate-600">Export: {['labels-tiff', 'instances-tiff', 'coco', 'geojson'].map((f) => (
          <a key={f} className="mr-2 underline" href={annotationPaths.exportImage(orgId, data.image.id, f)}>{f}</a>
        ))}</p>
      </aside>
    </div>
  );
}

'use client';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import Link from 'next/link';
import type { ImageDto } from '@/server/images/image-dto';
import { useResource } from '@/lib/use-resource';
import { useOrg } from '@/components/app/org-context';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { imagePaths } from '@/components/images/format-image';
import { ChannelPanel } from './channel-panel';
import { chunkRefKey, type ChunkRef, type ViewerImage } from './engine/types';
import type { ViewerEngine } from './engine/viewer-engine';
import { ImageViewer } from './image-viewer';
import { usePointerReadout, ViewerHud } from './viewer-hud';

/** `initial`: the image as the server rendered the page (members), so the viewer starts without an API round trip. */
export function ImageViewerPage({ projectId, imageId, initial }: { projectId: string; imageId: string; initial?: ImageDto | null }) {
  const { org } = useOrg();
  const { data, error, loading, reload } = useResource<ImageDto>(imagePaths.one(org.id, projectId, imageId), { initial });
  const back = (
    <Link href={imagePaths.page(org.id, projectId)} className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
      <span aria-hidden="true">←</span> Images
    </Link>
  );
  if (loading && !data) return <>{back}<LoadingState label="Loading image…" /></>;
  if (error || !data) return <>{back}<ErrorState message={error ?? 'Image not found.'} onRetry={() => void reload()} /></>;
  if (data.status !== 'READY' || !data.zarrUrl) return <>{back}<ErrorState message={data.error ?? 'This image is still being processed.'} onRetry={() => void reload()} /></>;
  return <>{back}<ReadyViewer dto={data} /></>;
}

function ReadyViewer({ dto }: { dto: ImageDto }) {
  const image = useMemo(() => dto as unknown as ViewerImage, [dto]);
  const chunkUrl = useMemo(() => {
    const [base, query] = dto.zarrUrl!.split('?');
    return (ref: ChunkRef) => `${base}/${chunkRefKey(ref)}?${query}`;
  }, [dto.zarrUrl]);
  const [engine, setEngine] = useState<ViewerEngine | null>(null);
  const [readout, setReadout] = usePointerReadout();
  const state = useSyncExternalStore(
    useCallback((fn: () => void) => (engine ? engine.subscribe(fn) : () => undefined), [engine]),
    () => engine?.getState() ?? null,
    () => null,
  );
  return (
    <div className="flex flex-col gap-4 lg:flex-row">
      <div className="min-w-0 flex-1">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <h1 className="mr-auto truncate text-lg font-semibold text-slate-900">{dto.name}</h1>
          <Button size="sm" variant="secondary" onClick={() => engine?.fit()}>Fit</Button>
          <Button size="sm" variant="secondary" onClick={() => engine?.oneToOne()}>1:1</Button>
          <Button size="sm" variant="secondary" aria-label="Zoom in" onClick={() => engine?.zoom(1.5)}>+</Button>
          <Button size="sm" variant="secondary" aria-label="Zoom out" onClick={() => engine?.zoom(1 / 1.5)}>−</Button>
        </div>
        <ImageViewer
          image={image}
          chunkUrl={chunkUrl}
          onEngine={setEngine}
          label={`Viewer for ${dto.name}`}
          className="h-[70vh] w-full rounded-lg"
          onImagePointer={(e) => { setReadout(e.type === 'leave' ? null : e.image); }}
        >
          {({ viewport, engine: eng }) => <ViewerHud engine={eng} viewport={viewport} pixelSize={dto.physicalSizeX} readout={readout} />}
        </ImageViewer>
        <p className="mt-1 text-xs text-slate-500" data-testid="viewer-status">
          {state ? `Level ${state.level} of ${image.levels.length - 1} · ${state.complete ? 'all tiles loaded' : 'loading tiles…'}` : ''}
        </p>
      </div>
      <aside className="w-full space-y-4 lg:w-80" aria-label="Display settings">
        {state && (image.sizeZ > 1 || image.sizeT > 1) && (
          <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
            {(['z', 't'] as const).map((k) => {
              const size = k === 'z' ? image.sizeZ : image.sizeT;
              if (size <= 1) return null;
              return (
                <div key={k} className="flex items-center gap-2">
                  <label htmlFor={`plane-${k}`} className="w-16">{k.toUpperCase()} {state[k] + 1}/{size}</label>
                  <input id={`plane-${k}`} type="range" min={0} max={size - 1} value={state[k]} className="flex-1"
                    onChange={(e) => engine?.setPlane(k === 'z' ? Number(e.target.value) : state.z, k === 't' ? Number(e.target.value) : state.t)} />
                </div>
              );
            })}
          </div>
        )}
        {state && engine && <ChannelPanel image={image} channels={state.channels} onChange={(i, p) => engine.setChannel(i, p)} />}
        <dl className="grid grid-cols-2 gap-1 text-xs text-slate-600">
          <dt>Size</dt><dd>{dto.width} × {dto.height}</dd>
          <dt>Type</dt><dd>{dto.dtype}</dd>
          <dt>Pixel size</dt><dd>{dto.physicalSizeX ? `${dto.physicalSizeX.toPrecision(3)} µm` : 'unknown'}</dd>
          <dt>Levels</dt><dd>{dto.levels.length}</dd>
        </dl>
      </aside>
    </div>
  );
}

'use client';
import { useMemo, useRef, type ReactNode } from 'react';
import type { ImageDto } from '@/server/images/image-dto';
import { ImageViewer } from '@/components/viewer/image-viewer';
import { chunkRefKey, type ChunkRef, type ViewerImage } from '@/components/viewer/engine/types';
import type { ViewerEngine } from '@/components/viewer/engine/viewer-engine';
import { BlankSurface, type SurfacePointer } from './blank-surface';
import type { RenderViewport } from './engine/tile-renderer';

interface Props {
  dto: ImageDto | null;
  width: number;
  height: number;
  pan: boolean;
  onPointer: (e: SurfacePointer, zoom: number) => boolean;
  goTo: (fn: (c: { x: number; y: number }) => void) => void;
  children: (vp: RenderViewport) => ReactNode;
}

/**
 * Where the editor draws: the WebGL image viewer (issue 5) when the image's pyramid is ready — the editor is an
 * overlay and gets pointer events in image coordinates — otherwise a blank image-sized surface.
 */
export function EditorSurface({ dto, width, height, pan, onPointer, goTo, children }: Props) {
  const viewer = useRef<ViewerEngine | null>(null);
  const image = useMemo(() => (dto ? (dto as unknown as ViewerImage) : null), [dto]);
  const chunkUrl = useMemo(() => {
    if (!dto?.zarrUrl) return null;
    const [base, query] = dto.zarrUrl.split('?');
    return (ref: ChunkRef) => `${base}/${chunkRefKey(ref)}?${query ?? ''}`;
  }, [dto?.zarrUrl]);
  if (!image || !chunkUrl || dto?.status !== 'READY') {
    return <BlankSurface width={width} height={height} pan={pan} onPointer={onPointer} viewportRef={goTo}>{children}</BlankSurface>;
  }
  return (
    <ImageViewer
      image={image}
      chunkUrl={chunkUrl}
      interaction={pan ? 'pan' : 'none'}
      label={`Annotation editor for ${dto.name}`}
      className="h-full w-full"
      onEngine={(e) => {
        viewer.current = e;
        if (e) goTo((center) => e.setViewport({ ...e.getState().viewport, center }));
      }}
      onImagePointer={(e) => {
        const ev = e.original as PointerEvent;
        const zoom = viewer.current?.getState().viewport.zoom ?? 1;
        return onPointer({ type: e.type, image: e.image, button: e.button, pressure: ev.pressure ?? 0.5, pointerType: ev.pointerType ?? 'mouse', detail: ev.detail ?? 1 }, zoom);
      }}
    >
      {({ viewport }) => children(viewport)}
    </ImageViewer>
  );
}

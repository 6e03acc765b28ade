'use client';
import { useState } from 'react';
import type { ViewerEngine } from './engine/viewer-engine';
import type { Viewport } from './engine/types';
import { scaleBar } from './engine/view-ops';

/** Scale bar and the pixel readout, drawn as a viewer overlay. */
export function ViewerHud({ engine, viewport, pixelSize, readout }: { engine: ViewerEngine; viewport: Viewport; pixelSize?: number | null; readout: { x: number; y: number } | null }) {
  const bar = pixelSize ? scaleBar(pixelSize, viewport.zoom) : null;
  const values = readout ? engine.valuesAt(readout) : null;
  const names = engine.image.channels.map((c) => c.name);
  return (
    <>
      {bar && (
        <div className="absolute bottom-3 left-3 text-xs font-medium text-white drop-shadow" data-testid="scale-bar">
          <div className="mb-1 h-1.5 bg-white" style={{ width: bar.px }} />
          {bar.label}
        </div>
      )}
      <div className="absolute right-3 bottom-3 rounded bg-black/60 px-2 py-1 font-mono text-xs text-white" data-testid="pixel-readout" aria-live="off">
        {readout && values ? (
          <>x {Math.floor(readout.x)} y {Math.floor(readout.y)}{values.level > 0 ? ` (level ${values.level})` : ''}: {values.values.map((v, i) => `${names[i]} ${v ?? '…'}`).join(' · ')}</>
        ) : (
          <>zoom {(viewport.zoom * 100).toFixed(viewport.zoom < 0.1 ? 1 : 0)}%</>
        )}
      </div>
    </>
  );
}

export function usePointerReadout() {
  return useState<{ x: number; y: number } | null>(null);
}

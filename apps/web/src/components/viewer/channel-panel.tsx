'use client';
import type { ChannelDisplay, ViewerImage } from './engine/types';
import { autoWindow } from './engine/view-ops';
import { HistogramWidget } from './histogram-widget';

/** Per-channel visibility, colour, min/max window (sliders + numbers), auto contrast and histogram. */
export function ChannelPanel({ image, channels, onChange }: { image: ViewerImage; channels: ChannelDisplay[]; onChange: (index: number, patch: Partial<ChannelDisplay>) => void }) {
  return (
    <ul className="space-y-4" aria-label="Channels">
      {image.channels.map((meta, i) => {
        const ch = channels[i];
        if (!ch) return null;
        const lo = meta.histogram.edges[0] ?? meta.min;
        const hi = meta.histogram.edges[meta.histogram.edges.length - 1] ?? meta.max;
        const step = image.dtype.startsWith('float') ? (hi - lo) / 1000 || 0.001 : 1;
        const id = `ch-${i}`;
        return (
          <li key={i} data-testid="channel" className="space-y-2 rounded-md border border-slate-200 p-3">
            <div className="flex items-center gap-2">
              <input id={`${id}-visible`} type="checkbox" checked={ch.visible} onChange={(e) => onChange(i, { visible: e.target.checked })} className="size-4" />
              <label htmlFor={`${id}-visible`} className="flex-1 truncate text-sm font-medium text-slate-900">{meta.name}</label>
              <label htmlFor={`${id}-color`} className="sr-only">Colour of {meta.name}</label>
              <input id={`${id}-color`} type="color" value={ch.color} onChange={(e) => onChange(i, { color: e.target.value })} className="h-7 w-9 cursor-pointer rounded border border-slate-300" />
              <button type="button" className="rounded-md px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600" onClick={() => { const [min, max] = autoWindow(meta.histogram); onChange(i, { min, max }); }}>
                Auto
              </button>
            </div>
            <HistogramWidget histogram={meta.histogram} min={ch.min} max={ch.max} color={ch.color} label={`Histogram of ${meta.name}, window ${ch.min} to ${ch.max}`} />
            {(['min', 'max'] as const).map((k) => (
              <div key={k} className="flex items-center gap-2 text-xs text-slate-700">
                <label htmlFor={`${id}-${k}`} className="w-8">{k === 'min' ? 'Min' : 'Max'}</label>
                <input id={`${id}-${k}`} type="range" min={lo} max={hi} step={step} value={ch[k]} onChange={(e) => onChange(i, { [k]: Number(e.target.value) })} className="flex-1" />
                <input aria-label={`${k === 'min' ? 'Minimum' : 'Maximum'} of ${meta.name}`} type="number" value={ch[k]} step={step} onChange={(e) => onChange(i, { [k]: Number(e.target.value) })} className="w-20 rounded border border-slate-300 px-1 py-0.5" />
              </div>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

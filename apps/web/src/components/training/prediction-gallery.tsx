'use client';
import { useState } from 'react';
import { useResource } from '@/lib/use-resource';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { trainingPaths, type Prediction } from './training-api';

/** Each image with the prediction overlay (class colour, opacity ∝ confidence) on top; opacity adjustable. */
export function PredictionGallery({ orgId, runId }: { orgId: string; runId: string }) {
  const preds = useResource<{ predictions: Prediction[] }>(`${trainingPaths.run(orgId, runId)}/predictions`);
  const [opacity, setOpacity] = useState(0.8);
  if (!preds.data) return <LoadingState />;
  if (preds.data.predictions.length === 0) return <EmptyState title="No predictions yet" />;
  return (
    <div className="space-y-3">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        Overlay opacity
        <input type="range" min={0} max={1} step={0.05} value={opacity} onChange={(e) => setOpacity(Number(e.target.value))} className="focus-visible:outline-2 focus-visible:outline-indigo-600" />
      </label>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {preds.data.predictions.map((p) => (
          <li key={p.imageId} className="rounded-md border border-slate-200 p-2">
            <div className="relative w-full bg-slate-900" style={{ aspectRatio: `${p.width} / ${p.height}` }}>
              <img src={p.urls.image} alt={p.imageName} className="absolute inset-0 size-full object-fill" />
              <img src={p.urls.overlay} alt={`Prediction overlay for ${p.imageName}`} data-testid="prediction-overlay" className="absolute inset-0 size-full object-fill [image-rendering:pixelated]" style={{ opacity }} />
            </div>
            <p className="mt-2 text-sm font-medium text-slate-800">{p.imageName}</p>
            <p className="text-xs text-slate-500">
              {p.classes.map((c, i) => `${c} ${((100 * (p.labelCounts[i] ?? 0)) / Math.max(1, p.width * p.height)).toFixed(0)}%`).join(' · ')}
              {p.meanConfidence !== null && ` · mean confidence ${(p.meanConfidence * 100).toFixed(0)}%`}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

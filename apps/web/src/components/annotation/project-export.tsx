'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { errorMessage, fetchDownload } from '@/lib/api-client';

const FORMATS = [
  { format: 'coco', label: 'COCO' },
  { format: 'geojson', label: 'GeoJSON' },
  { format: 'labels-tiff', label: 'Label masks (ZIP)' },
  { format: 'instances-tiff', label: 'Instance masks (ZIP)' },
] as const;

/**
 * A project's exports: COCO, GeoJSON, and ZIPs of label / instance mask TIFFs (one per annotated image), over every
 * image or only the approved ones. Downloads through fetch so that a refusal ("no annotated image") shows as a message.
 */
export function ProjectExport({ exportPath, name, onError }: { exportPath: string; name: string; onError: (message: string | null) => void }) {
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (format: string) => {
    setBusy(format);
    onError(null);
    try {
      const { blob, filename } = await fetchDownload(`${exportPath}?format=${format}${approvedOnly ? '&approvedOnly=true' : ''}`);
      const url = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement('a'), { href: url, download: filename });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div role="group" aria-label={`Export ${name}`} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">Export</span>
      {FORMATS.map((f) => (
        <Button key={f.format} size="sm" variant="secondary" disabled={busy !== null} onClick={() => void run(f.format)}>
          {busy === f.format ? 'Preparing…' : f.label}
        </Button>
      ))}
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={approvedOnly} onChange={(e) => setApprovedOnly(e.target.checked)} />
        Approved images only
      </label>
    </div>
  );
}

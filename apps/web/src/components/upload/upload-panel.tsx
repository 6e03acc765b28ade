'use client';
import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '@/components/images/format-image';
import { UploadManager, type UploadItem } from './upload-manager';

const pct = (loaded: number, size: number) => (size > 0 ? Math.min(100, Math.round((loaded / size) * 100)) : 0);

function Progress({ value, label }: { value: number; label: string }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={100} className="h-2 w-full overflow-hidden rounded bg-slate-200">
      <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${value}%` }} />
    </div>
  );
}

const STATUS: Record<UploadItem['status'], string> = { waiting: 'Waiting', uploading: 'Uploading', finishing: 'Finishing', done: 'Uploaded', failed: 'Failed' };

/** Drop zone + file picker; uploads straight to S3 in parallel parts, with a bar per file and for the batch. */
export function UploadPanel({ uploadsPath, onUploaded }: { uploadsPath: string; onUploaded: () => void }) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [over, setOver] = useState(false);
  const manager = useRef<UploadManager | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef(onUploaded);
  doneRef.current = onUploaded;
  useEffect(() => {
    manager.current = new UploadManager(uploadsPath, setItems, () => doneRef.current());
    return () => { manager.current = null; };
  }, [uploadsPath]);
  const add = (files: FileList | null) => { if (files?.length) manager.current?.add([...files]); };
  const active = items.filter((i) => i.status !== 'failed');
  const total = active.reduce((s, i) => s + i.size, 0);
  const loaded = active.reduce((s, i) => s + i.loaded, 0);
  return (
    <div className="space-y-3">
      <div
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); add(e.dataTransfer.files); }}
        className={`rounded-lg border-2 border-dashed p-6 text-center text-sm ${over ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white'}`}
      >
        <p className="text-slate-700">Drop TIFF, OME-TIFF, PNG or JPEG files here, or</p>
        <label className="mt-2 inline-flex cursor-pointer items-center rounded-md bg-indigo-600 px-3.5 py-2 font-medium text-white shadow-sm hover:bg-indigo-700 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600">
          Choose files
          <input ref={inputRef} type="file" multiple className="sr-only" aria-label="Choose image files to upload" onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
        </label>
        <p className="mt-2 text-xs text-slate-500">Large files upload in parts; if the page is reloaded or the connection drops, choose the same file again to resume.</p>
      </div>
      {items.length > 0 && (
        <div className="rounded-lg border border-slate-200 bg-white p-4" aria-live="polite">
          <div className="mb-3">
            <div className="mb-1 flex justify-between text-sm font-medium text-slate-800">
              <span>All uploads</span>
              <span data-testid="batch-progress">{pct(loaded, total)}% of {formatBytes(total)}</span>
            </div>
            <Progress value={pct(loaded, total)} label="All uploads" />
          </div>
          <ul className="space-y-2">
            {items.map((i) => (
              <li key={i.key} data-testid="upload-item" className="text-sm">
                <div className="mb-1 flex justify-between gap-2">
                  <span className="truncate font-medium text-slate-800">{i.name}</span>
                  <span className={i.status === 'failed' ? 'text-red-700' : 'text-slate-600'}>
                    {STATUS[i.status]} · {pct(i.loaded, i.size)}%
                    {i.resumedParts ? ` · resumed (${i.resumedParts} of ${i.partCount} parts already uploaded)` : ''}
                  </span>
                </div>
                <Progress value={pct(i.loaded, i.size)} label={`Upload of ${i.name}`} />
                {i.error && <p className="mt-1 text-red-700">{i.error}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

import { api, errorMessage } from '@/lib/api-client';
import { md5Hex } from './md5';

export type UploadStatus = 'waiting' | 'uploading' | 'finishing' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  status: UploadStatus;
  /** Bytes stored in S3 (parts confirmed plus parts in flight). */
  loaded: number;
  imageId?: string;
  /** Parts that were already stored when this upload resumed (after a reload or a dropped connection). */
  resumedParts?: number;
  partCount?: number;
  error?: string;
}

interface UploadState { image: { id: string; status: string }; upload: { partSize: number; partCount: number; partsDone: number[] } }

const PARALLEL_PARTS = 4;
const RETRIES = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Uploads to S3 in presigned parts; remembers each file's image id so choosing the same file again resumes it. */
export class UploadManager {
  items: UploadItem[] = [];

  constructor(private readonly base: string, private readonly onChange: (items: UploadItem[]) => void, private readonly onDone?: () => void) {}

  add(files: File[]) {
    for (const file of files) {
      const key = `tessera-upload:${this.base}:${file.name}:${file.size}:${file.lastModified}`;
      if (this.items.some((i) => i.key === key && i.status !== 'failed' && i.status !== 'done')) continue;
      this.items = [...this.items.filter((i) => i.key !== key), { key, name: file.name, size: file.size, status: 'waiting', loaded: 0 }];
      void this.run(file, key);
    }
    this.emit();
  }

  private patch(key: string, p: Partial<UploadItem>) {
    this.items = this.items.map((i) => (i.key === key ? { ...i, ...p } : i));
    this.emit();
  }

  private emit() {
    this.onChange(this.items);
  }

  private async start(file: File, key: string): Promise<UploadState> {
    const remembered = localStorage.getItem(key);
    if (remembered) {
      try {
        const state = await api.get<UploadState>(`${this.base}/${remembered}/upload`);
        if (state.image.status === 'UPLOADING') return state;
      } catch {
        // gone or finished: start again
      }
      localStorage.removeItem(key);
    }
    const created = await api.post<UploadState>(this.base, { name: file.name, sizeBytes: file.size, contentType: file.type || undefined });
    localStorage.setItem(key, created.image.id);
    return created;
  }

  private async run(file: File, key: string) {
    try {
      if (file.size === 0) throw new Error('This file is empty.');
      this.patch(key, { status: 'uploading' });
      const { image, upload } = await this.start(file, key);
      const { partSize, partCount } = upload;
      const done = new Set(upload.partsDone);
      const partBytes = (n: number) => Math.min(partSize, file.size - (n - 1) * partSize);
      let confirmed = [...done].reduce((s, n) => s + partBytes(n), 0);
      const inFlight = new Map<number, number>();
      const progress = () => this.patch(key, { loaded: confirmed + [...inFlight.values()].reduce((a, b) => a + b, 0) });
      this.patch(key, { imageId: image.id, partCount, resumedParts: done.size, loaded: confirmed });
      this.onDone?.(); // the new image shows in the list as 'Uploading'
      const todo = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !done.has(n));
      const worker = async () => {
        for (let n = todo.shift(); n !== undefined; n = todo.shift()) {
          const blob = file.slice((n - 1) * partSize, (n - 1) * partSize + partBytes(n));
          const bytes = new Uint8Array(await blob.arrayBuffer());
          const md5 = md5Hex(bytes);
          for (let attempt = 1; ; attempt++) {
            try {
              const { parts } = await api.post<{ parts: { url: string }[] }>(`${this.base}/${image.id}/upload/parts`, { partNumbers: [n] });
              const etag = await putPart(parts[0]!.url, blob, (loaded) => { inFlight.set(n, loaded); progress(); });
              await putJson(`${this.base}/${image.id}/upload/parts`, { partNumber: n, etag, md5, sizeBytes: bytes.length });
              break;
            } catch (e) {
              inFlight.delete(n);
              if (attempt >= RETRIES) throw e;
              await sleep(500 * 2 ** attempt);
            }
          }
          inFlight.delete(n);
          confirmed += bytes.length;
          progress();
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, todo.length || 1) }, worker));
      this.patch(key, { status: 'finishing', loaded: file.size });
      await api.post(`${this.base}/${image.id}/upload/complete`);
      localStorage.removeItem(key);
      this.patch(key, { status: 'done' });
      this.onDone?.();
    } catch (e) {
      this.patch(key, { status: 'failed', error: e instanceof Error && !('code' in e) ? e.message : errorMessage(e) });
      this.onDone?.();
    }
  }
}

/** PUT with upload progress (fetch has none); resolves with S3's ETag. */
function putPart(url: string, body: Blob, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      const etag = xhr.getResponseHeader('etag');
      if (xhr.status >= 200 && xhr.status < 300 && etag) resolve(etag);
      else reject(new Error(`Storage refused a part (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The connection dropped while uploading; retrying.'));
    xhr.send(body);
  });
}

/** The typed client has no PUT; recording a part is the one PUT the UI makes. */
async function putJson(path: string, body: unknown): Promise<void> {
  const res = await fetch(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) {
    const msg = ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(msg ?? `The server refused a part (HTTP ${res.status}).`);
  }
}

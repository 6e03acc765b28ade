import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';

/** The real files in ../shared/data/czann (relative to the repo root). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../../../shared/data/czann/', import.meta.url));
export const SAMPLE_FILES = readdirSync(SAMPLE_DIR).sort();
export const samplePath = (name: string) => join(SAMPLE_DIR, name);
export const sampleBytes = (name: string) => new Uint8Array(readFileSync(samplePath(name)));

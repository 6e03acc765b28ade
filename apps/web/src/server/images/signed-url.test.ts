import { describe, expect, it } from 'vitest';
import { checkSignature, signedFileUrl, SIGNED_URL_WINDOW_S } from './signed-url';

const parse = (url: string) => new URL(url, 'http://x').searchParams;

describe('signed image file URLs', () => {
  const now = Date.UTC(2026, 0, 1, 10, 20);
  const url = signedFileUrl('secret-a', 'orgA', 'projA', 'imgA', 'zarr', now);

  it('verify for the same org and image until they expire, and are stable within a window (cacheable)', () => {
    const q = parse(url);
    expect(checkSignature('secret-a', 'orgA', 'imgA', q.get('exp'), q.get('sig'), now)).toBe('ok');
    expect(signedFileUrl('secret-a', 'orgA', 'projA', 'imgA', 'zarr', now + 30 * 60_000)).toBe(url);
    const exp = Number(q.get('exp')) * 1000;
    expect(exp - now).toBeGreaterThan(SIGNED_URL_WINDOW_S * 1000);
    expect(checkSignature('secret-a', 'orgA', 'imgA', q.get('exp'), q.get('sig'), exp + 1)).toBe('expired');
  });
  it('do not work for another image, another organisation, another secret, or a changed expiry', () => {
    const q = parse(url);
    expect(checkSignature('secret-a', 'orgA', 'imgB', q.get('exp'), q.get('sig'), now)).toBe('invalid');
    expect(checkSignature('secret-a', 'orgB', 'imgA', q.get('exp'), q.get('sig'), now)).toBe('invalid');
    expect(checkSignature('secret-b', 'orgA', 'imgA', q.get('exp'), q.get('sig'), now)).toBe('invalid');
    expect(checkSignature('secret-a', 'orgA', 'imgA', String(Number(q.get('exp')) + 3600), q.get('sig'), now)).toBe('invalid');
    expect(checkSignature('secret-a', 'orgA', 'imgA', null, null, now)).toBe('missing');
  });
});

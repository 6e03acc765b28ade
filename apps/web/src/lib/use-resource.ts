'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from './api-client';

export type Resource<T> = {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
};

/**
 * Loads a GET endpoint on mount (and when the path changes); `reload()` refetches after a mutation. With `initial`
 * (data the server rendered the page with) the first load is skipped.
 */
export function useResource<T>(path: string | null, opts: { initial?: T | null } = {}): Resource<T> {
  const [data, setData] = useState<T | null>(opts.initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null && !opts.initial);
  // data the server rendered the page with stands for the first load
  const skipFirst = useRef(Boolean(opts.initial));

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (path === null) return;
      setLoading(true);
      try {
        const body = await api.get<T>(path, signal);
        setData(body);
        setError(null);
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setError(errorMessage(e));
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [path],
  );

  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  const reload = useCallback(() => load(), [load]);
  return { data, error, loading, reload };
}

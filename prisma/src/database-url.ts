/** The one place the database URL default lives; apps validate their own env and pass it on. */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/tessera';

export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

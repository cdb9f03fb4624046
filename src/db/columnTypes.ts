/** The one place where values are converted between JavaScript and the portable column types. */
export const nowIso = (): string => new Date().toISOString();
export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const fromBool = (v: boolean): number => (v ? 1 : 0);
export const toJson = (v: unknown): string => JSON.stringify(v ?? null);
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null || text === '') return fallback;
  return JSON.parse(text) as T;
}
/** PostgreSQL returns count(*) and bigint as strings; SQLite as numbers. */
export const toCount = (v: string | number | bigint | null | undefined): number => Number(v ?? 0);
export const newId = (): string => crypto.randomUUID();

/** The statements a partnership publishes, each with its fields' schema and its default. Pure. */
import type { z } from 'zod';
import { accessibilityStatementSchema, defaultAccessibilityStatement, type StatementPartnership } from './accessibility.js';
import { defaultPrivacyNotice, privacyNoticeSchema } from './privacy.js';

export const STATEMENT_KINDS = {
  accessibility: { schema: accessibilityStatementSchema, byDefault: defaultAccessibilityStatement },
  privacy: { schema: privacyNoticeSchema, byDefault: defaultPrivacyNotice },
} as const;
export type StatementKind = keyof typeof STATEMENT_KINDS;
export type StatementOf<K extends StatementKind> = z.output<(typeof STATEMENT_KINDS)[K]['schema']>;

/** A stored statement read back: its fields over the default's, so a field added later has its default. */
export function storedOrDefault<K extends StatementKind>(kind: K, partnership: StatementPartnership, stored: unknown): StatementOf<K> {
  const { schema, byDefault } = STATEMENT_KINDS[kind];
  const fallback = byDefault(partnership) as StatementOf<K>;
  if (stored === undefined) return fallback;
  const parsed = schema.safeParse({ ...fallback, ...(stored as object) });
  return parsed.success ? (parsed.data as StatementOf<K>) : fallback;
}

/** A workshop's details as its form gives them, checked once. Pure. */
import { z } from 'zod';
import { WORKSHOP_THEMES } from './themes.js';

export interface EvidenceLink {
  text: string;
  href: string;
}

/** "Text | https://..." per line: the evidence shown, as links; a line that is not one names its number. */
export function parseEvidenceLinks(lines: string): { links: EvidenceLink[]; problem?: string } {
  const links: EvidenceLink[] = [];
  const rows = lines.split(/\r?\n/).map((l) => l.trim());
  for (const [i, line] of rows.entries()) {
    if (!line) continue;
    const bar = line.lastIndexOf('|');
    const text = (bar >= 0 ? line.slice(0, bar) : line).trim();
    const href = (bar >= 0 ? line.slice(bar + 1) : '').trim();
    if (!/^https?:\/\/[^\s]+$/.test(href) || !text)
      return { links, problem: `Line ${i + 1} of the links is not in the form: Title | https://address` };
    links.push({ text, href });
  }
  if (links.length > 50) return { links, problem: 'Give 50 links or fewer' };
  return { links };
}

/** YYYY-MM-DD from a GOV.UK date input's boxes, or '' when they do not make a real date. */
export function dateFromBoxes(day: string, month: string, year: string): string {
  const [d, m, y] = [day, month, year].map((v) => Number(v.trim()));
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || y === undefined || y < 2000 || y > 2100) return '';
  const date = new Date(Date.UTC(y, (m ?? 0) - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== (m ?? 0) - 1) return '';
  return date.toISOString().slice(0, 10);
}

export const workshopFields = z
  .object({
    title: z.string().trim().min(1, 'Enter a title for the workshop').max(200, 'The title must be 200 characters or fewer'),
    heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of the workshop, like 14 10 2024'),
    theme: z.enum(WORKSHOP_THEMES, { error: 'Choose the workshop’s theme' }),
    customTheme: z.string().trim().max(100, 'The theme must be 100 characters or fewer'),
    consultationId: z.string().max(100),
    evidence: z.string().trim().max(10_000, 'The evidence must be 10,000 characters or fewer'),
    evidenceLinks: z.string().max(20_000, 'The links must be 20,000 characters or fewer'),
    dots: z.coerce
      .number({ error: 'Enter the number of dots, from 1 to 10' })
      .int('Enter the number of dots, from 1 to 10')
      .min(1, 'Enter the number of dots, from 1 to 10')
      .max(10, 'Enter the number of dots, from 1 to 10'),
  })
  .superRefine((f, ctx) => {
    if (f.theme === 'custom' && !f.customTheme) ctx.addIssue({ code: 'custom', path: ['customTheme'], message: 'Enter the name of the theme' });
    const { problem } = parseEvidenceLinks(f.evidenceLinks);
    if (problem) ctx.addIssue({ code: 'custom', path: ['evidenceLinks'], message: problem });
  });
export type WorkshopFields = z.output<typeof workshopFields>;

/** The "Check your answers" rows: every shown answer in survey order, with a link to change it. */
import type { Question, SurveyOption, Ward } from '../../surveys/index.js';
import { postcodeSector } from '../../surveys/index.js';
import { fieldId } from './fieldIds.js';
import type { Screen } from './screens.js';

export interface SummaryRow {
  key: { text: string };
  value: { text: string } | { html: string };
  actions: { items: { href: string; text: string; visuallyHiddenText: string }[] };
}

const NOT_ANSWERED = 'Not answered';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const label = (options: readonly SurveyOption[], value: string) => options.find((o) => o.value === value)?.label ?? value;

function listHtml(items: string[], ordered: boolean): { html: string } {
  const tag = ordered ? 'ol' : 'ul';
  return {
    html: `<${tag} class="govuk-list${ordered ? ' govuk-list--number' : ''}">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`,
  };
}

function dateText(value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? value
    : new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** How one raw answer reads back to the respondent. */
export function answerText(question: Question, raw: unknown, wards: readonly Ward[]): { text: string } | { html: string } {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (values.length === 0) return { text: NOT_ANSWERED };
  const first = values[0] as string;
  switch (question.type) {
    case 'single_choice':
    case 'rating_grid':
      return { text: label(question.options, first) };
    case 'multiple_choice':
      return listHtml(
        values.map((v) => label(question.options, v)),
        false,
      );
    case 'ranking':
      return listHtml(
        values.map((v) => label(question.options, v)),
        true,
      );
    case 'ward':
      return { text: wards.find((w) => w.code === first)?.name ?? first };
    case 'postcode': {
      const sector = postcodeSector(first);
      return { text: sector ? `${sector} (we keep only this part)` : first };
    }
    case 'date':
      return { text: dateText(first) };
    default:
      return { text: first };
  }
}

/** Rows for every shown question (one per grid row); `hrefFor` gives the page a screen is answered on. */
export function summaryRows(
  screens: readonly Screen[],
  raw: Record<string, unknown>,
  wards: readonly Ward[],
  hrefFor: (screen: Screen) => string,
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const screen of screens) {
    for (const q of screen.questions) {
      const parts = q.type === 'rating_grid' ? q.rows.map((r) => ({ code: r.code, key: `${q.label} ${r.label}` })) : [{ code: q.code, key: q.label }];
      for (const part of parts) {
        rows.push({
          key: { text: part.key },
          value: answerText(q, raw[part.code], wards),
          actions: { items: [{ href: `${hrefFor(screen)}#${fieldId(q, part.code)}`, text: 'Change', visuallyHiddenText: part.key }] },
        });
      }
    }
  }
  return rows;
}

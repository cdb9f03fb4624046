/**
 * Everything a priority can point at, as it stands now: survey indicators of each crime survey (safety by day and
 * after dark, top concerns, perceived ASB, victimisation), coded themes with their counts, workshop candidate
 * priorities with their votes, recorded crime by issue and the prioritisation matrix. An evidence link is current
 * when the item it names still gives the value it was linked with; changed when the value moved; missing when the item
 * is gone. Quotes are resolved one by one (evidence/quotes.ts).
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../../accounts/index.js';
import { type AnalysisRunner, analyseStoredConsultation, indicatorByGroup } from '../../analysis/index.js';
import { assessmentMatrix } from '../../assessment/index.js';
import { codingCounts, listThemes } from '../../coding/index.js';
import { type Consultation, listConsultations } from '../../consultations/index.js';
import type { DbHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Partnership } from '../../partnerships/index.js';
import { workshopEvidence } from '../../workshops/index.js';

export const EVIDENCE_KINDS = ['survey', 'crosstab', 'theme', 'quote', 'workshop', 'crime', 'matrix'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  survey: 'Survey finding',
  crosstab: 'Survey finding by group',
  theme: 'Theme in comments',
  quote: 'Quote',
  workshop: 'Workshop priority',
  crime: 'Recorded crime',
  matrix: 'Prioritisation matrix',
};

export interface EvidenceItem {
  kind: EvidenceKind;
  ref: Record<string, string>;
  /** What it is: "Feel safe after dark: Coventry city centre (Crime Survey 2024)". */
  label: string;
  /** The figure or words as shown: "38.1% (n = 652)". */
  value: string;
  /** Where it comes from, for the reader: "Crime Survey 2024, all who answered". */
  source: string;
  /** The page it comes from. */
  href: string;
  /** The group a picker lists it under. */
  group: string;
}

export const evidenceKey = (kind: string, ref: Record<string, string>) =>
  `${kind}:${JSON.stringify(
    Object.keys(ref)
      .sort()
      .map((k) => [k, ref[k]]),
  )}`;

const pct = (x: number | null) => (x === null ? null : `${x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
const n = (x: number) => x.toLocaleString('en-GB');

export interface EvidenceContext {
  handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>;
  runner: AnalysisRunner;
  partnership: Partnership;
  user: Principal | undefined;
}

/** A crime survey's findings as evidence items (unweighted, all respondents; suppressed figures are left out). */
export async function surveyItems(handle: EvidenceContext['handle'], c: Consultation, suppressBelow: number): Promise<EvidenceItem[]> {
  const outcome = await analyseStoredConsultation({ handle, consultation: c, analysis: { rules: { suppressBelow } } });
  if (!outcome.ok) return [];
  const result = outcome.analysis.result;
  const ind = result.indicators;
  if (!ind || result.totalResponses === 0) return [];
  const href = `/staff/consultations/${c.id}/analysis`;
  const items: EvidenceItem[] = [];
  const add = (code: string, label: string, percent: number | null, base: number, what: string) => {
    const p = pct(percent);
    if (p !== null)
      items.push({
        kind: 'survey',
        ref: { consultation: c.id, code },
        label: `${label} (${c.title})`,
        value: `${p} (n = ${n(base)})`,
        source: `${c.title}: ${what}`,
        href,
        group: c.title,
      });
  };
  for (const s of ind.safety) {
    add(`safe:${s.dayCode}`, `Feel safe during the day: ${s.label}`, s.day.percent, s.day.n, 'all who answered, excluding don’t know');
    add(`safe:${s.darkCode}`, `Feel safe after dark: ${s.label}`, s.dark.percent, s.dark.n, 'all who answered, excluding don’t know');
  }
  const base = ind.topConcernsBase?.n ?? 0;
  for (const o of ind.topConcerns)
    add(`concern:${o.value}`, `Name ${o.label.toLowerCase()} among their top concerns`, o.percent, base, 'all who chose their top concerns');
  for (const a of ind.asb.items) add(`asb:${a.code}`, `Say ${a.label.toLowerCase()} is a big problem`, a.percent, a.n, 'all who answered');
  add(
    'asb_high',
    'High level of perceived anti-social behaviour',
    ind.asb.score.highPercent,
    ind.asb.score.n,
    'all who answered the seven national items',
  );
  if (ind.victimisation)
    add('victim_rate', 'Victim of crime in the last 12 months', ind.victimisation.rate.percent, ind.victimisation.rate.n, 'all who answered');
  // Cross-tabs: feeling safe after dark and the top concerns by group, as the lowest and highest published group.
  const indicators = [
    ...ind.safety.map((s) => ({ code: `safe:${s.darkCode}`, question: s.darkCode, label: `Feel safe after dark: ${s.label}` })),
    ...ind.topConcerns
      .slice(0, 3)
      .map((o) => ({ code: `concern:${o.value}`, question: 'concerns', label: `Name ${o.label.toLowerCase()} among their top concerns` })),
  ];
  for (const indicator of indicators)
    for (const by of CROSSTAB_BREAKDOWNS) {
      const found = indicatorByGroup({ stored: outcome.analysis, consultation: c }, indicator.code, by);
      const published = (found?.figures ?? [])
        .filter((f): f is typeof f & { percent: number } => f.percent !== null)
        .sort((a, b) => a.percent - b.percent);
      const low = published[0];
      const high = published.at(-1);
      if (!found || !low || !high || published.length < 2) continue;
      const group = (g: string) => (/^\d+$/.test(g) ? `quintile ${g}` : g);
      items.push({
        kind: 'crosstab',
        ref: { consultation: c.id, code: indicator.code, by },
        label: `${indicator.label}, by ${found.breakdownLabel.toLowerCase()} (${c.title})`,
        value: `lowest ${group(low.group)} ${pct(low.percent)} (n = ${n(low.n)}), highest ${group(high.group)} ${pct(high.percent)} (n = ${n(high.n)})`,
        source: `${c.title}: respondents in each group who answered`,
        href: `${href}?xq=${encodeURIComponent(indicator.question)}&by=${encodeURIComponent(by)}`,
        group: `${c.title}: by group`,
      });
    }
  return items;
}

const CROSSTAB_BREAKDOWNS = ['area_ward', 'deprivation_quintile', 'age_band', 'sex', 'disability'];

async function themeItems(db: Kysely<Database>, c: Consultation): Promise<EvidenceItem[]> {
  const [themes, counts] = await Promise.all([listThemes(db, c.partnershipId, c.id), codingCounts(db, c.partnershipId, c.id)]);
  return themes.flatMap((t) => {
    const count = counts.get(t.id)?.primary ?? 0;
    if (!count) return [];
    return [
      {
        kind: 'theme' as const,
        ref: { consultation: c.id, theme: t.id },
        label: `Comments about ${t.name} (${c.title})`,
        value: `${n(count)} coded comment${count === 1 ? '' : 's'}`,
        source: `${c.title}: free-text comments coded by the partnership`,
        href: `/staff/consultations/${c.id}/coding/codebook/${t.id}`,
        group: `${c.title}: themes`,
      },
    ];
  });
}

async function workshopItems(db: Kysely<Database>, partnershipId: string): Promise<EvidenceItem[]> {
  const groups = await workshopEvidence(db, partnershipId);
  return groups.flatMap((g) =>
    g.workshops.flatMap((w) =>
      w.priorities.map((p) => ({
        kind: 'workshop' as const,
        ref: { workshop: w.id, candidate: p.id },
        label: `${p.text} (${w.title})`,
        value: `${n(p.dots)} vote${p.dots === 1 ? '' : 's'}`,
        source: `${w.title}, ${w.heldOn}: partners’ dot votes`,
        href: `/staff/partnerships/${partnershipId}/workshops/${w.id}`,
        group: w.title,
      })),
    ),
  );
}

async function assessmentItems(ctx: EvidenceContext): Promise<EvidenceItem[]> {
  const { matrix, periodText, demo, hasData } = await assessmentMatrix({
    db: ctx.handle.db,
    runner: ctx.runner,
    partnership: ctx.partnership,
    user: ctx.user,
  });
  if (!hasData) return [];
  const href = `/staff/partnerships/${ctx.partnership.id}/assessment`;
  const source = `Recorded crime and ASB, ${periodText}${demo ? ' (DEMO DATA, generated)' : ''}`;
  return matrix.flatMap((m) => {
    const items: EvidenceItem[] = [
      {
        kind: 'matrix',
        ref: { issue: m.code },
        label: `${m.label}: prioritisation matrix`,
        value: `ranked ${m.rank} of ${matrix.length}, score ${m.score} (harm ${m.harm.value} × likelihood ${m.likelihood.value})`,
        source: 'Strategic Assessment prioritisation matrix',
        href: `${href}#matrix`,
        group: 'Strategic Assessment',
      },
    ];
    const e = m.evidence;
    if (e.recorded !== null)
      items.push({
        kind: 'crime',
        ref: { issue: m.code },
        label: `${m.label}: recorded in 12 months`,
        value: `${n(e.recorded)}${e.ratePer1000 !== null ? ` (${e.ratePer1000.toFixed(1)} per 1,000 residents)` : ''}${
          e.change?.percent != null ? `, ${e.change.percent >= 0 ? 'up' : 'down'} ${Math.abs(e.change.percent).toFixed(1)}% on the year before` : ''
        }`,
        source,
        href,
        group: 'Recorded crime',
      });
    return items;
  });
}

/** Every item of the partnership's evidence as it stands, in picker order. */
export async function evidenceItems(ctx: EvidenceContext, kinds: ReadonlySet<EvidenceKind> = new Set(EVIDENCE_KINDS)): Promise<EvidenceItem[]> {
  const { db } = ctx.handle;
  const consultations = (await listConsultations(db, ctx.partnership.id)).filter((c) => c.status !== 'draft' && c.status !== 'scheduled');
  const parts = await Promise.all([
    kinds.has('survey') || kinds.has('crosstab')
      ? Promise.all(consultations.map((c) => surveyItems(ctx.handle, c, ctx.partnership.suppressionMinimum)))
      : [],
    kinds.has('theme') ? Promise.all(consultations.map((c) => themeItems(db, c))) : [],
    kinds.has('workshop') ? workshopItems(db, ctx.partnership.id) : [],
    kinds.has('crime') || kinds.has('matrix') ? assessmentItems(ctx) : [],
  ]);
  return parts.flat(2).filter((i) => kinds.has(i.kind));
}

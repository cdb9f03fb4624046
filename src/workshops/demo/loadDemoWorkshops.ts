/**
 * Three past partner workshops, one per theme (the seed's section 5), linked to the demo Crime Survey, with their
 * captured items, candidate priorities and dots from the attendees on the demo register.
 */
import type { DemoContext } from '../../app/capability.js';
import { newId, nowIso, toJson } from '../../db/columnTypes.js';
import { recordAudit } from '../../platform/recordAudit.js';
import { listStakeholders } from '../../stakeholders/index.js';
import { storedItemText } from '../itemText.js';

interface DemoWorkshop {
  title: string;
  heldOn: string;
  theme: 'place' | 'victim' | 'offender';
  sectors: string[];
  evidence: string;
  items: string[];
  candidates: string[];
  /** Each attendee's dots (3 each), by candidate index, in the attendees' order. */
  ballots: number[][];
}

const WORKSHOPS: DemoWorkshop[] = [
  {
    title: 'Place workshop: public spaces and neighbourhoods',
    heldOn: '2024-09-10',
    theme: 'place',
    sectors: ['police', 'fire', 'housing', 'business', 'council'],
    evidence: 'Strategic assessment 2024: anti-social behaviour, fly-tipping and vehicle crime by ward; residents feel safer by day than after dark.',
    items: [
      'Lack of resources across partners to patrol hotspots in the evening',
      'Fly-tipping on the same streets week after week: joint enforcement with housing',
      'Make it easier to report anti-social behaviour online and by text',
      'Community engagement: ward walks with residents and businesses',
      'Share success stories when a hotspot improves, so residents see the difference',
      'Better lighting and CCTV in the city centre after dark',
    ],
    candidates: ['Tackle anti-social behaviour hotspots together', 'Easier reporting of crime and ASB', 'Tell residents about success stories'],
    ballots: [
      [2, 1, 0],
      [1, 1, 1],
      [3, 0, 0],
      [0, 2, 1],
      [1, 2, 0],
    ],
  },
  {
    title: 'Victim workshop: protecting vulnerable people',
    heldOn: '2024-09-17',
    theme: 'victim',
    sectors: ['police', 'health', 'voluntary', 'education', 'faith'],
    evidence: 'Strategic assessment 2024: domestic abuse, exploitation of children and vulnerable adults, repeat victims.',
    items: [
      'Exploitation of vulnerable people, especially young people drawn into county lines',
      'Multi-agency networks need to share information sooner',
      'Victims do not know where to go: one clear route to support',
      'Lack of resources in victim services means long waits',
      'Schools and faith groups are trusted places to spot exploitation early',
    ],
    candidates: ['Protect vulnerable people from exploitation', 'Stronger multi-agency networks', 'One clear route to victim support'],
    ballots: [
      [2, 1, 0],
      [1, 1, 1],
      [2, 0, 1],
      [1, 2, 0],
      [3, 0, 0],
    ],
  },
  {
    title: 'Offender workshop: reducing reoffending',
    heldOn: '2024-09-24',
    theme: 'offender',
    sectors: ['police', 'probation', 'housing', 'voluntary', 'council'],
    evidence: 'Strategic assessment 2024: drug offences, prolific offenders, serious organised crime.',
    items: [
      'Housing on release is the biggest gap: without it people reoffend',
      'Multi-agency networks for integrated offender management work when they are funded',
      'Lack of resources for drug treatment places',
      'Community engagement so residents report drug dealing',
      'Success stories of people who turned their lives around',
    ],
    candidates: ['Housing and support on release', 'Drug treatment and disruption of dealing', 'Integrated offender management across partners'],
    ballots: [
      [1, 1, 1],
      [2, 1, 0],
      [0, 1, 2],
      [3, 0, 0],
      [1, 2, 0],
    ],
  },
];

export async function loadDemoWorkshops({ handle, actor, loaded }: DemoContext): Promise<Record<string, unknown>> {
  const partnershipId = loaded.partnershipId;
  if (!partnershipId) return {};
  const { db } = handle;
  if (await db.selectFrom('workshops').select('id').where('partnership_id', '=', partnershipId).executeTakeFirst()) return {};
  const register = await listStakeholders(db, partnershipId);
  // The consultations step's result: { consultations: { crimeSurveyId, membersSurveyId } }.
  const consultationId = (loaded.consultations as { crimeSurveyId?: string } | undefined)?.crimeSurveyId ?? null;
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    for (const w of WORKSHOPS) {
      const id = newId();
      await trx
        .insertInto('workshops')
        .values({
          partnership_id: partnershipId,
          id,
          consultation_id: consultationId,
          title: w.title,
          held_on: w.heldOn,
          theme: w.theme,
          custom_theme: null,
          evidence: w.evidence,
          evidence_links: toJson([]),
          dots: 3,
          voting: 'closed',
          created_at: at,
        })
        .execute();
      const attendees = w.sectors.map((sector) => register.find((s) => s.sector === sector)).filter((s) => s !== undefined);
      if (attendees.length)
        await trx
          .insertInto('workshop_attendees')
          .values(
            attendees.map((s) => ({
              partnership_id: partnershipId,
              workshop_id: id,
              stakeholder_id: s.id,
              token_hash: null,
              invited_at: `${w.heldOn}T09:00:00.000Z`,
              attended: 1,
            })),
          )
          .execute();
      const row = (text: string, position: number) => ({
        partnership_id: partnershipId,
        id: newId(),
        workshop_id: id,
        text: storedItemText(text),
        position,
        created_at: at,
        created_by: actor.label,
      });
      await trx
        .insertInto('workshop_items')
        .values(w.items.map((text, i) => row(text, i + 1)))
        .execute();
      const candidates = w.candidates.map((text, i) => row(text, i + 1));
      await trx.insertInto('workshop_candidates').values(candidates).execute();
      const votes = attendees.flatMap((s, a) =>
        (w.ballots[a] ?? []).flatMap((dots, c) => {
          const candidate = candidates[c];
          return dots > 0 && candidate
            ? [
                {
                  partnership_id: partnershipId,
                  workshop_id: id,
                  stakeholder_id: s.id,
                  candidate_id: candidate.id,
                  dots,
                  voted_at: `${w.heldOn}T11:00:00.000Z`,
                },
              ]
            : [];
        }),
      );
      if (votes.length) await trx.insertInto('workshop_votes').values(votes).execute();
      await recordAudit(trx, {
        actor,
        action: 'workshop.create',
        entity: 'workshop',
        entityId: id,
        partnershipId,
        detail: { title: w.title, theme: w.theme, heldOn: w.heldOn, demo: true },
      });
    }
  });
  return {};
}

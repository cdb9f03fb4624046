/** The demo partnership's stakeholder register: the kinds of organisation a CSP invites, fictitious contacts at example.org. */
import type { DemoContext } from '../../app/capability.js';
import { newId, nowIso } from '../../db/columnTypes.js';
import { recordAudit } from '../../platform/recordAudit.js';
import type { Sector } from '../sectors.js';

const CONTACTS: [string, Sector, string, string, string][] = [
  ['West Midlands Police', 'police', 'Inspector Priya Shah', 'priya.shah', 'Neighbourhood Policing Inspector'],
  ['West Midlands Police', 'police', 'Sergeant Tom Hughes', 'tom.hughes', 'Partnerships Sergeant'],
  ['West Midlands Fire Service', 'fire', 'Dana Okafor', 'dana.okafor', 'Station Commander, Prevention'],
  ['Coventry and Warwickshire ICB', 'health', 'Dr Helen Marsh', 'helen.marsh', 'Safeguarding Lead'],
  ['Probation Service, West Midlands', 'probation', 'Marcus Reid', 'marcus.reid', 'Head of Probation Delivery'],
  ['Citizen Housing', 'housing', 'Aisha Begum', 'aisha.begum', 'Tenancy Enforcement Manager'],
  ['Orbit Housing', 'housing', 'Lee Barnes', 'lee.barnes', 'Community Safety Officer'],
  ['Riverside Academy', 'education', 'Claire Dunn', 'claire.dunn', 'Designated Safeguarding Lead'],
  ['Coventry College', 'education', 'Imran Qureshi', 'imran.qureshi', 'Student Services Manager'],
  ['Victim Support', 'voluntary', 'Sophie Turner', 'sophie.turner', 'Area Manager'],
  ['Coventry Youth Partnership', 'voluntary', 'Kwame Mensah', 'kwame.mensah', 'Youth Work Lead'],
  ['City Centre Business Improvement District', 'business', 'Rachel Green', 'rachel.green', 'Operations Director'],
  ['Coventry Retailers Association', 'business', 'Paul Singh', 'paul.singh', 'Chair'],
  ['Coventry Multi-Faith Forum', 'faith', 'Reverend Anne Clarke', 'anne.clarke', 'Secretary'],
  ['Coventry City Council', 'council', 'Joe Mitchell', 'joe.mitchell', 'Community Safety Officer'],
];

export async function loadDemoStakeholders({ handle, actor, loaded }: DemoContext): Promise<Record<string, unknown>> {
  const partnershipId = loaded.partnershipId;
  if (!partnershipId) return {};
  const { db } = handle;
  const any = await db.selectFrom('stakeholders').select('id').where('partnership_id', '=', partnershipId).executeTakeFirst();
  if (any) return {};
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('stakeholders')
      .values(
        CONTACTS.map(([organisation, sector, contactName, local, role], i) => ({
          partnership_id: partnershipId,
          id: newId(),
          organisation,
          sector,
          contact_name: contactName,
          email: `${local}@example.org`,
          phone: `0121 496 ${String(i).padStart(4, '0')}`,
          role,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'stakeholder.import',
      entity: 'partnership',
      entityId: partnershipId,
      partnershipId,
      detail: { file: 'demo', added: CONTACTS.length, updated: 0 },
    });
  });
  return {};
}

/**
 * The demo partnership's plan: Coventry's three themes (the seed), priorities drawn from the demo evidence, the West
 * Midlands PCC's 2025-29 priorities, a few "what works" interventions with their College of Policing EMMIE ratings,
 * and the journey of the seed: a draft out for consultation at Scrutiny (18 December 2024), approved by Cabinet on
 * 18 March 2025, then delivery. Plain data; evidence is named by kind and ref, linked with its value at load time.
 */
import type { Dimension, Emmie } from '../planTerms.js';

export const DEMO_PCC_PRIORITIES = [
  { title: 'Youth violence and knife crime', summary: 'Reducing serious youth violence and knife crime.' },
  { title: 'Neighbourhood policing', summary: 'Visible, local policing that communities trust.' },
  { title: 'Supporting victims', summary: 'Putting victims first, including victims of violence against women and girls.' },
  { title: 'Road safety', summary: 'Reducing deaths and serious injuries on the roads.' },
  { title: 'Prevention and early intervention', summary: 'Stopping crime before it happens, with partners.' },
];

export const DEMO_INTERVENTIONS: { title: string; summary: string; source: string; emmie: Emmie }[] = [
  {
    title: 'Hot spots policing',
    summary: 'Focusing police resources on the small areas where crime concentrates.',
    source: 'College of Policing Crime Reduction Toolkit',
    emmie: { effect: 'reduces', evidence: 3, mechanism: 2, moderators: 2, implementation: 2, economic: 0 },
  },
  {
    title: 'Street lighting',
    summary: 'Improved street lighting to reduce crime and fear of crime.',
    source: 'College of Policing Crime Reduction Toolkit',
    emmie: { effect: 'reduces', evidence: 2, mechanism: 2, moderators: 1, implementation: 1, economic: 1 },
  },
  {
    title: 'CCTV',
    summary: 'Closed-circuit television in public places, monitored and used by partners.',
    source: 'College of Policing Crime Reduction Toolkit',
    emmie: { effect: 'reduces', evidence: 3, mechanism: 2, moderators: 2, implementation: 2, economic: 1 },
  },
  {
    title: 'Pre-court diversion for young people',
    summary: 'Diverting young people away from the formal justice system with support.',
    source: 'College of Policing Crime Reduction Toolkit',
    emmie: { effect: 'reduces', evidence: 2, mechanism: 1, moderators: 1, implementation: 2, economic: 0 },
  },
];

export interface DemoPriority {
  theme: number;
  title: string;
  rationale: string;
  dimensions: Dimension[];
  pcc: string[];
  /** Evidence by kind and ref; a missing one (no crime data loaded, say) is left out. */
  evidence: { kind: string; ref: Record<string, string> }[];
  actions: { title: string; lead: string; supporting: string; starts: string; due: string; resources: string; intervention?: string }[];
  measures: {
    indicator: string;
    baselineFrom?: { kind: string; ref: Record<string, string> };
    baseline?: number;
    target: string;
    source: string;
    frequency: string;
  }[];
  impacts: {
    kind: 'protected' | 'deprivation' | 'vulnerable';
    group: string;
    impact: 'positive' | 'negative' | 'uncertain';
    evidence: string;
    breakdown?: string;
    mitigation: string;
  }[];
  /** Added after the consultation version (so the versions differ). */
  afterConsultation?: boolean;
}

const survey = (code: string) => ({ kind: 'survey', ref: { consultation: '{crimeSurvey}', code } });

export const DEMO_PRIORITIES: DemoPriority[] = [
  {
    theme: 0,
    title: 'Disrupt drug dealing and reduce drug-related offending',
    rationale: 'Drugs are among residents’ top concerns and the Offender workshop voted drug treatment and disruption of dealing a priority.',
    dimensions: ['offender', 'place'],
    pcc: ['Prevention and early intervention'],
    evidence: [survey('concern:drugs'), { kind: 'crime', ref: { issue: 'drugs' } }, { kind: 'matrix', ref: { issue: 'drugs' } }],
    actions: [
      {
        title: 'Joint disruption days in the areas with most recorded drug offences',
        lead: 'West Midlands Police',
        supporting: 'Coventry City Council; Change Grow Live',
        starts: '2025-04-01',
        due: '2026-03-31',
        resources: 'Within existing budgets',
        intervention: 'Hot spots policing',
      },
    ],
    measures: [
      {
        indicator: 'Drug offences recorded (12 months)',
        baselineFrom: { kind: 'crime', ref: { issue: 'drugs' } },
        target: 'Increase in proactive detections',
        source: 'police.uk',
        frequency: 'quarterly',
      },
    ],
    impacts: [
      {
        kind: 'deprivation',
        group: 'Residents of the most deprived areas',
        impact: 'positive',
        evidence: 'Recorded drug offences concentrate in the most deprived fifth of areas (Strategic Assessment).',
        mitigation: 'Pair enforcement with treatment referrals so people who use drugs are not pushed away from help.',
      },
    ],
  },
  {
    theme: 0,
    title: 'Reduce youth violence and knife crime',
    rationale: 'Possession of weapons carries the highest harm in the prioritisation matrix and is a PCC priority.',
    dimensions: ['offender', 'victim'],
    pcc: ['Youth violence and knife crime', 'Prevention and early intervention'],
    evidence: [survey('concern:knife_crime'), { kind: 'matrix', ref: { issue: 'weapons' } }],
    actions: [
      {
        title: 'Divert young people from court with support from the Youth Justice Service',
        lead: 'Coventry Youth Justice Service',
        supporting: 'West Midlands Violence Reduction Partnership',
        starts: '2025-04-01',
        due: '2027-03-31',
        resources: 'Violence Reduction Partnership grant',
        intervention: 'Pre-court diversion for young people',
      },
    ],
    measures: [
      { indicator: 'Young people diverted from court', baseline: 120, target: '150 a year', source: 'Youth Justice Service', frequency: 'quarterly' },
    ],
    impacts: [
      {
        kind: 'protected',
        group: 'Age: young people aged 10 to 24',
        impact: 'positive',
        evidence: 'Young people are most often both victims and offenders of knife crime.',
        breakdown: 'age_band',
        mitigation: 'Monitor who is diverted by ethnicity to avoid disproportionality.',
      },
    ],
  },
  {
    theme: 1,
    title: 'Tackle fly-tipping and environmental anti-social behaviour',
    rationale: 'Fly-tipping is residents’ most named concern in the Crime Survey.',
    dimensions: ['place'],
    pcc: ['Neighbourhood policing'],
    evidence: [survey('concern:fly_tipping'), survey('asb:asb_fly_tipping')],
    actions: [
      {
        title: 'CCTV and enforcement at repeat fly-tipping sites',
        lead: 'Coventry City Council Streetpride',
        supporting: 'West Midlands Police; housing associations',
        starts: '2025-04-01',
        due: '2026-03-31',
        resources: 'Two enforcement officers; redeployable cameras',
        intervention: 'CCTV',
      },
    ],
    measures: [
      {
        indicator: 'Residents saying fly-tipping is a big problem',
        baselineFrom: survey('asb:asb_fly_tipping'),
        target: 'Down 10 points by 2028',
        source: 'Crime Survey',
        frequency: 'annually',
      },
    ],
    impacts: [
      {
        kind: 'deprivation',
        group: 'Residents of the most deprived areas',
        impact: 'positive',
        evidence: 'Fly-tipping reports concentrate in the most deprived wards.',
        breakdown: 'deprivation_quintile',
        mitigation: 'None needed.',
      },
    ],
  },
  {
    theme: 1,
    title: 'Help people feel safe after dark',
    rationale: 'Residents feel much less safe after dark than during the day, most of all in the city centre.',
    dimensions: ['place', 'victim'],
    pcc: ['Neighbourhood policing', 'Supporting victims'],
    evidence: [
      survey('safe:safe_dark'),
      survey('safe:safe_centre_dark'),
      { kind: 'crosstab', ref: { consultation: '{crimeSurvey}', code: 'safe:safe_dark', by: 'sex' } },
    ],
    actions: [
      {
        title: 'Review lighting and CCTV on the routes people use after dark',
        lead: 'Coventry City Council',
        supporting: 'West Midlands Police; Coventry BID',
        starts: '2025-06-01',
        due: '2026-09-30',
        resources: 'Safer Streets fund bid',
        intervention: 'Street lighting',
      },
    ],
    measures: [
      {
        indicator: 'Residents feeling safe after dark',
        baselineFrom: survey('safe:safe_dark'),
        target: 'Up 5 points by 2028',
        source: 'Crime Survey',
        frequency: 'annually',
      },
    ],
    impacts: [
      {
        kind: 'protected',
        group: 'Sex: women and girls',
        impact: 'positive',
        evidence: 'Women are less likely than men to feel safe after dark.',
        breakdown: 'sex',
        mitigation: 'Walk-and-talk audits with women’s groups.',
      },
      {
        kind: 'protected',
        group: 'Disability',
        impact: 'uncertain',
        evidence: 'Too few disabled respondents in some wards to tell.',
        breakdown: 'disability',
        mitigation: 'Ask disabled people’s organisations to review the routes.',
      },
    ],
  },
  {
    theme: 1,
    title: 'Reduce anti-social behaviour and vehicle crime in hotspots',
    rationale: 'ASB and vehicle crime are among the top concerns; the Place workshop asked partners to tackle ASB hotspots together.',
    dimensions: ['place'],
    pcc: ['Neighbourhood policing'],
    evidence: [
      survey('concern:asb'),
      survey('concern:vehicle_crime'),
      { kind: 'crime', ref: { issue: 'asb' } },
      { kind: 'crime', ref: { issue: 'vehicle_crime' } },
    ],
    actions: [
      {
        title: 'Joint ASB hotspot patrols and problem-solving plans',
        lead: 'West Midlands Police',
        supporting: 'Coventry City Council; Whitefriars Housing',
        starts: '2025-04-01',
        due: '2026-03-31',
        resources: 'Hotspot patrol funding',
        intervention: 'Hot spots policing',
      },
    ],
    measures: [
      {
        indicator: 'ASB incidents recorded (12 months)',
        baselineFrom: { kind: 'crime', ref: { issue: 'asb' } },
        target: 'Down 5%',
        source: 'police.uk',
        frequency: 'quarterly',
      },
    ],
    impacts: [],
    afterConsultation: true,
  },
  {
    theme: 2,
    title: 'Protect children and vulnerable adults from exploitation',
    rationale: 'Partners at the Victim workshop put protecting vulnerable people from exploitation first.',
    dimensions: ['victim'],
    pcc: ['Supporting victims', 'Prevention and early intervention'],
    evidence: [survey('concern:exploitation')],
    actions: [
      {
        title: 'A multi-agency exploitation hub with a single referral route',
        lead: 'Coventry City Council Children’s Services',
        supporting: 'West Midlands Police; NHS Coventry and Warwickshire ICB',
        starts: '2025-09-01',
        due: '2026-08-31',
        resources: 'Within existing budgets',
      },
    ],
    measures: [
      { indicator: 'Referrals to the exploitation hub', target: 'Baseline in the first year', source: 'Children’s Services', frequency: 'quarterly' },
    ],
    impacts: [
      {
        kind: 'vulnerable',
        group: 'Children in care and care leavers',
        impact: 'positive',
        evidence: 'Children in care are at greater risk of exploitation.',
        mitigation: 'None needed.',
      },
    ],
  },
  {
    theme: 2,
    title: 'Support victims of domestic abuse and violence against women and girls',
    rationale: 'Domestic abuse is among residents’ concerns and victims are a PCC priority.',
    dimensions: ['victim'],
    pcc: ['Supporting victims'],
    evidence: [survey('concern:domestic_abuse'), survey('victim_rate')],
    actions: [
      {
        title: 'One clear route to victim support, advertised with partners',
        lead: 'Coventry City Council',
        supporting: 'Coventry Haven; West Midlands Police; Victim Support',
        starts: '2025-04-01',
        due: '2025-12-31',
        resources: 'PCC victims grant',
      },
    ],
    measures: [{ indicator: 'Victims who say they knew where to get support', target: '75%', source: 'Crime Survey', frequency: 'annually' }],
    impacts: [
      {
        kind: 'protected',
        group: 'Sex: women and girls',
        impact: 'positive',
        evidence: 'Most victims of domestic abuse are women.',
        breakdown: 'sex',
        mitigation: 'Make sure male victims and LGBT+ victims are signposted too.',
      },
    ],
  },
];

/** Delivery so far, by action order (A1, A2...). */
export const DEMO_PROGRESS = [
  { status: 'on_track', progress: 40, note: 'Four disruption days held; 23 arrests.' },
  { status: 'on_track', progress: 30, note: '36 young people diverted in the first two quarters.' },
  { status: 'complete', progress: 100, note: 'Cameras at 12 repeat sites; 41 fixed penalty notices.' },
  { status: 'at_risk', progress: 20, note: 'Safer Streets bid unsuccessful; looking for other funding.' },
  { status: 'on_track', progress: 50, note: 'Patrol plans in place for the top ten hotspots.' },
  { status: 'not_started', progress: 0, note: '' },
  { status: 'complete', progress: 100, note: 'Single victim support number live on every partner’s website.' },
] as const;

/** The plan's fixed vocabularies: the seed's default themes, the dimensions a priority addresses, action statuses, HIIA terms, EMMIE. */

/** The three themes of the seed's plan (Coventry, December 2024): a new plan starts with these. */
export const SEED_THEMES = [
  {
    title: 'Offending, re-offending and serious organised crime',
    summary: 'Reducing offending and re-offending, and disrupting serious and organised crime.',
  },
  {
    title: 'Public place safety and reassurance',
    summary: 'Making public places safe, and helping people feel safe in them, by day and after dark.',
  },
  { title: 'Exploitation and protecting victims', summary: 'Tackling exploitation and supporting and protecting victims of crime.' },
] as const;

export const DIMENSIONS = ['victim', 'offender', 'place'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = { victim: 'Victim', offender: 'Offender', place: 'Place' };

export const ACTION_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  complete: 'Complete',
};

export const IMPACT_GROUP_KINDS = ['protected', 'deprivation', 'vulnerable'] as const;
export type ImpactGroupKind = (typeof IMPACT_GROUP_KINDS)[number];
export const IMPACT_GROUP_KIND_LABELS: Record<ImpactGroupKind, string> = {
  protected: 'Protected characteristic',
  deprivation: 'Deprivation',
  vulnerable: 'Other vulnerable group',
};

export const IMPACTS = ['positive', 'negative', 'uncertain'] as const;
export type Impact = (typeof IMPACTS)[number];
export const IMPACT_LABELS: Record<Impact, string> = { positive: 'Positive', negative: 'Negative', uncertain: 'Uncertain' };

export const MEASURE_FREQUENCIES = ['monthly', 'quarterly', 'six-monthly', 'annually'] as const;

/**
 * EMMIE (the College of Policing's Crime Reduction Toolkit): the Effect rated by the strength of its evidence, and
 * how well Mechanism, Moderators, Implementation and Economic cost are understood.
 */
export const EMMIE_EFFECTS = ['reduces', 'mixed', 'increases', 'no-effect', 'unknown'] as const;
export const EMMIE_EFFECT_LABELS: Record<(typeof EMMIE_EFFECTS)[number], string> = {
  reduces: 'Overall reduced crime',
  mixed: 'Mixed effect on crime',
  increases: 'Overall increased crime',
  'no-effect': 'No impact on crime',
  unknown: 'Not yet assessed',
};
export interface Emmie {
  effect: (typeof EMMIE_EFFECTS)[number];
  /** Strength of the evidence for each EMMIE dimension, 0 (none) to 3 (strong). */
  evidence: number;
  mechanism: number;
  moderators: number;
  implementation: number;
  economic: number;
}

export const PLAN_STATUSES = ['draft', 'consultation', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: 'Draft', consultation: 'Out for consultation', approved: 'Approved' };

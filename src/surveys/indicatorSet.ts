/**
 * What a template tells the analysis about its own questions: which make the headline indicators and which extra
 * breakdowns it offers. Each template that has indicators declares them next to itself (templates/*Indicators.ts)
 * and the template registry keys them by template id; a survey from a template without a set gets no headline
 * indicators rather than another template's.
 */

/** A question asked about the same place by day and after dark (two rows of a rating grid). */
export interface SafetyPair {
  label: string;
  day: string;
  dark: string;
}

/** One perceived-ASB item; national items make the 0-21 score, a local one is reported on its own. */
export interface AsbItem {
  code: string;
  label: string;
  national: boolean;
}

/** A breakdown from one single-choice question: its substantive options, or groups of them. */
export interface BreakdownDefinition {
  code: string;
  label: string;
  question: string;
  /** Groups in display order and the group of each option value; options in no group (prefer not to say) are left out. */
  groups?: { levels: readonly { value: string; label: string }[]; groupOf: Readonly<Record<string, string>> };
}

export interface IndicatorSet {
  /** Safety by day and after dark; the first pair must be asked for there to be any headline indicators. */
  safety: readonly SafetyPair[];
  /** Answers that count as feeling safe. */
  safeValues: readonly string[];
  asb: {
    items: readonly AsbItem[];
    /** Answers that count as a problem for each item's share. */
    problemValues: readonly string[];
    /** Points per answer on the national scale; a respondent's score is the sum over the national items. */
    scores: Readonly<Record<string, number>>;
    /** Scores at or above this are a high level of perceived ASB. */
    highThreshold: number;
  };
  /** The multiple-choice question whose ranked options are the top concerns. */
  concerns: string;
  victimisation: { victim: string; reported: string; yesValues: readonly string[] };
  /** Breakdowns this template adds to ward, age band, sex and channel, in display order. */
  breakdowns: readonly BreakdownDefinition[];
}

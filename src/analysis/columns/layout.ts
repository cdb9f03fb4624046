/**
 * How a survey's answers are encoded as columns: one slot per export column (question or grid row) with its kind
 * and its options' codes, plus the channel. The fingerprint names the encoding: stored columns are reused only
 * under the same fingerprint, so a new survey version or a change of wards invalidates them.
 */
import { createHash } from 'node:crypto';
import { CHANNELS, channelLabel } from '../../responses/index.js';
import { type Column, columnsFor, type SurveyDefinition, type SurveyOption, type Ward } from '../../surveys/index.js';
import { type AreaLookup, areaSlots } from './areaColumns.js';

export type ColumnKind = 'choice' | 'list' | 'number' | 'answered';

export interface ColumnSlot {
  column: Column;
  kind: ColumnKind;
  options: SurveyOption[];
  /** Option value -> its code (the option's index). */
  index: Map<string, number>;
  /** A column worked out from the answers rather than asked (areaColumns.ts): its value for one response. */
  derive?: (answers: Record<string, unknown>) => string | null;
}

export interface TableLayout {
  slots: ColumnSlot[];
  fingerprint: string;
}

/** Code of a blank answer; UNEXPECTED is an answer that is not a listed option (bad data). */
export const BLANK = -1;
export const UNEXPECTED = -2;

/** Bumped whenever the encoding itself changes, so columns stored by an older release are rebuilt. */
const ENCODING_VERSION = 1;

export const CHANNEL_COLUMN: Column = {
  code: 'channel',
  label: 'Channel',
  type: 'single_choice',
  question: { code: 'channel', type: 'single_choice', label: 'Channel', required: false, options: [] },
};

export const channelOption = (value: string): SurveyOption => ({ value, label: value });
/** Channels in display order; others met in the data are appended in the order they arrive. */
export const CHANNEL_OPTIONS: readonly SurveyOption[] = CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }));

export function wardOptions(wards: readonly Ward[]): SurveyOption[] {
  return wards.map((w) => ({ value: w.code, label: w.name }));
}

function kindOf(column: Column): ColumnKind {
  switch (column.type) {
    case 'single_choice':
    case 'rating_grid':
    case 'ward':
      return 'choice';
    case 'multiple_choice':
    case 'ranking':
      return 'list';
    case 'number':
      return 'number';
    default:
      return 'answered';
  }
}

export function tableLayout(definition: SurveyDefinition, wards: readonly Ward[], areas?: AreaLookup): TableLayout {
  const columns = columnsFor(definition);
  const slots: ColumnSlot[] = columns.map((column) => {
    const options = column.type === 'ward' ? wardOptions(wards) : (column.options ?? []);
    return { column, kind: kindOf(column), options, index: new Map(options.map((o, i) => [o.value, i])) };
  });
  const derived = areas ? areaSlots(columns, wards, areas) : [];
  slots.push(...derived);
  // The postcode table is part of the encoding only when it adds columns: a new import of it rebuilds them.
  const encoding = [ENCODING_VERSION, definition, wards, ...(derived.length && areas ? [[...areas.wardOfSector], [...areas.quintileOfSector]] : [])];
  const fingerprint = createHash('sha256').update(JSON.stringify(encoding)).digest('base64url');
  return { slots, fingerprint };
}

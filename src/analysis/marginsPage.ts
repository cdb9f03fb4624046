/** The saved margins page's view model. Pure. */
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { MarginsSource } from './marginsText.js';

const SOURCES: Record<MarginsSource, string> = {
  saved: "These are the partnership's saved margins.",
  census:
    "Nothing is saved yet: the box starts with each ward's residents aged 16 and over from the partnership's ward populations by age band (the demo partnership's are from the 2021 Census: ONS, Open Government Licence). Add other variables such as age_band and sex, check them and save.",
  population:
    "Nothing is saved yet: the box starts with each ward's population from the partnership's LSOA population figures (for the demo partnership, ONS mid-2015 estimates for all ages). Check them, add other variables such as age_band and sex from the Census, and save.",
  none: 'Nothing is saved yet and the partnership has no population figures: enter the margins from the Census.',
};

export function marginsPage(a: { partnership: Partnership; text: string; source: MarginsSource; saved?: boolean; fields?: readonly FieldError[] }) {
  const fields = a.fields ?? [];
  return {
    title: `Population margins: ${a.partnership.name}`,
    partnership: a.partnership,
    action: `/staff/partnerships/${a.partnership.id}/margins`,
    backPath: `/staff/partnerships/${a.partnership.id}`,
    margins: a.text,
    sourceText: SOURCES[a.source],
    saved: a.saved ?? false,
    errors: errorSummaryItems(fields),
    fieldErrors: messagesByField(fields),
  };
}

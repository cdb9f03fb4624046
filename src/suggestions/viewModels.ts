/** The suggestions pages' view models: plain data for the GOV.UK macros in suggestions/views/. */
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { LlmSettingsView } from './queries/loadLlmSettings.js';

export interface LlmPageState {
  partnership: Partnership;
  saved?: LlmSettingsView;
  /** As entered, when the form is shown again; never the key. */
  entered?: { baseUrl: string; model: string };
  fields?: readonly FieldError[];
  notice?: 'saved' | 'removed';
}

/** The admins' page for the partnership's optional LLM: the key is never shown, only whether one is saved. */
export const llmSettingsPage = ({ partnership, saved, entered, fields = [], notice }: LlmPageState) => ({
  title: `LLM for theme suggestions: ${partnership.name}`,
  partnership,
  action: `/staff/partnerships/${partnership.id}/llm`,
  removeAction: `/staff/partnerships/${partnership.id}/llm/remove`,
  backPath: `/staff/partnerships/${partnership.id}/settings`,
  configured: saved !== undefined,
  hasKey: saved?.hasKey ?? false,
  lastChange: saved ? `${formatLondon(saved.updatedAt)} by ${saved.updatedBy}` : '',
  baseUrl: entered?.baseUrl ?? saved?.baseUrl ?? '',
  model: entered?.model ?? saved?.model ?? '',
  notice: notice ?? '',
  errors: errorSummaryItems(fields),
  fieldErrors: messagesByField(fields),
});

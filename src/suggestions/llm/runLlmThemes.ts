import OpenAI from 'openai';
import {
  type Answer,
  assignmentMessages,
  type ChatMessage,
  condensationMessages,
  generationMessages,
  type LlmTheme,
  parseAssignments,
  parseThemes,
} from './prompts.js';

/** Where a partnership's OpenAI-compatible endpoint is: OpenAI, Azure OpenAI (its /openai/v1/ URL), Ollama, vLLM... */
export interface LlmEndpoint {
  /** e.g. https://api.openai.com/v1, https://NAME.openai.azure.com/openai/v1/, http://localhost:11434/v1 */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token; a local Ollama ignores it. Never logged, never put in an error message. */
  apiKey: string;
}

export interface LlmRunOptions {
  question: string;
  /** Stored answers: the text as it was redacted when stored, and nothing else. */
  answers: readonly Answer[];
  /** The codebook's themes: kept as named, new ones added beside them. */
  existingThemes?: readonly LlmTheme[];
  /** Answers a request (default 50). */
  batchSize?: number;
  /** Most themes after condensing (default 20). */
  maxThemes?: number;
  /** Each call's time limit in ms (default 120,000). */
  timeoutMs?: number;
}

export type LlmStage = 'generate' | 'condense' | 'assign';

export type LlmRunResult =
  | { ok: true; themes: LlmTheme[]; assignments: Map<string, string[]>; calls: number }
  | { ok: false; stage: LlmStage; reason: string; calls: number };

class StageError extends Error {
  constructor(
    readonly stage: LlmStage,
    message: string,
  ) {
    super(message);
  }
}

/** Why a call failed, in words an analyst can act on, without the key or the answers. */
function describeFailure(error: unknown, endpoint: LlmEndpoint): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return `the LLM at ${endpoint.baseUrl} did not answer in time`;
  if (error instanceof OpenAI.APIConnectionError) return `could not reach the LLM at ${endpoint.baseUrl}`;
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 'an error';
    if (status === 401 || status === 403) return `the LLM at ${endpoint.baseUrl} refused the API key (${status})`;
    if (status === 404) return `the LLM at ${endpoint.baseUrl} has no model "${endpoint.model}" or no chat-completions route (404)`;
    if (status === 429) return `the LLM at ${endpoint.baseUrl} is rate-limiting us (429): try again later`;
    return `the LLM at ${endpoint.baseUrl} answered ${status}`;
  }
  return (error as Error).message;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Generates, condenses and assigns themes with the partnership's LLM, in stages (as i.AI themefinder does). Nothing is
 * stored here: on success the caller shows the themes and assignments as suggestions for a person to accept; on any
 * failure it gets the stage and the reason, and the coding stays as it was.
 */
export async function runLlmThemes(endpoint: LlmEndpoint, options: LlmRunOptions): Promise<LlmRunResult> {
  const client = new OpenAI({
    baseURL: endpoint.baseUrl,
    apiKey: endpoint.apiKey || 'none',
    timeout: options.timeoutMs ?? 120_000,
    maxRetries: 0,
  });
  let calls = 0;
  const ask = async (stage: LlmStage, messages: ChatMessage[]): Promise<string> => {
    calls++;
    try {
      const completion = await client.chat.completions.create({
        model: endpoint.model,
        messages,
        temperature: 0,
        response_format: { type: 'json_object' },
      });
      const content = completion.choices[0]?.message?.content;
      if (!content) throw new Error('the reply was empty');
      return content;
    } catch (error) {
      throw new StageError(stage, describeFailure(error, endpoint));
    }
  };
  const parse = <T>(stage: LlmStage, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw new StageError(stage, (error as Error).message);
    }
  };

  const size = options.batchSize ?? 50;
  const existing = options.existingThemes ?? [];
  try {
    const candidates: LlmTheme[] = [];
    for (const batch of batches(options.answers, size)) {
      const reply = await ask('generate', generationMessages(options.question, batch));
      candidates.push(...parse('generate', () => parseThemes(reply)));
    }
    const condensedReply = await ask('condense', condensationMessages(options.question, candidates, existing, options.maxThemes ?? 20));
    const condensed = parse('condense', () => parseThemes(condensedReply));
    const names = new Set(condensed.map((t) => t.name.toLowerCase()));
    const themes = [...existing.filter((t) => !names.has(t.name.toLowerCase())), ...condensed];

    const assignments = new Map<string, string[]>();
    for (const batch of batches(options.answers, size)) {
      const reply = await ask('assign', assignmentMessages(options.question, themes, batch));
      const references = new Set(batch.map((a) => a.reference));
      for (const [reference, assigned] of parse('assign', () => parseAssignments(reply, references, themes))) assignments.set(reference, assigned);
    }
    return { ok: true, themes, assignments, calls };
  } catch (error) {
    if (error instanceof StageError) return { ok: false, stage: error.stage, reason: error.message, calls };
    throw error;
  }
}

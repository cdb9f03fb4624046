import { z } from 'zod';

/**
 * The three stages of an LLM theme analysis, after the UK government's consultation-analysis tool (i.AI themefinder):
 * generate candidate themes batch by batch, condense them into one distinct list, then assign each answer to themes
 * of that list. Pure: messages in, parsed JSON out.
 */

export interface Answer {
  reference: string;
  /** Stored (already redacted) text only. */
  text: string;
}

export interface LlmTheme {
  name: string;
  description: string;
}

export type ChatMessage = { role: 'system' | 'user'; content: string };

const SYSTEM =
  'You help a UK Community Safety Partnership analyse what residents said in a public consultation. ' +
  'Answers have had personal details replaced by placeholders such as [name] or [address]; never guess them. ' +
  'Reply with one JSON object and nothing else.';

const listAnswers = (answers: readonly Answer[]) => answers.map((a) => JSON.stringify({ reference: a.reference, text: a.text })).join('\n');

const THEMES_REPLY = 'Reply as JSON: {"themes": [{"name": "...", "description": "..."}]}.';

/** The system message and one user message: the stage, the question, what to do and how to reply, then the data. */
function stage(name: string, question: string, instructions: string, data: string): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `Stage: ${name}.\nQuestion asked: ${question}\n${instructions}\n\n${data}` },
  ];
}

export function generationMessages(question: string, answers: readonly Answer[]): ChatMessage[] {
  return stage(
    'generate themes',
    question,
    'Read the answers below (one JSON object a line) and list the distinct themes they raise, each with a short name ' +
      `(at most 6 words) and a one-sentence description. ${THEMES_REPLY}`,
    listAnswers(answers),
  );
}

export function condensationMessages(question: string, themes: readonly LlmTheme[], existing: readonly LlmTheme[], maxThemes: number): ChatMessage[] {
  return stage(
    'condense themes',
    question,
    `Merge the candidate themes below that mean the same thing, and return at most ${maxThemes} distinct themes. ` +
      `Keep every theme of the existing codebook exactly as named; add only candidates it does not already cover. ${THEMES_REPLY}`,
    `Existing codebook:\n${JSON.stringify(existing)}\n\nCandidates:\n${JSON.stringify(themes)}`,
  );
}

export function assignmentMessages(question: string, themes: readonly LlmTheme[], answers: readonly Answer[]): ChatMessage[] {
  return stage(
    'assign themes',
    question,
    'For every answer below, give the names of the themes from this list that it raises (none, one or several), ' +
      'using the names exactly as listed. Reply as JSON: {"assignments": [{"reference": "...", "themes": ["..."]}]}.',
    `Themes:\n${JSON.stringify(themes)}\n\nAnswers:\n${listAnswers(answers)}`,
  );
}

const themeList = z.object({
  themes: z.array(z.object({ name: z.string().trim().min(1).max(120), description: z.string().trim().max(500).default('') })).max(200),
});
const assignmentList = z.object({
  assignments: z.array(z.object({ reference: z.string(), themes: z.array(z.string()).max(50) })).max(10_000),
});

/** The JSON object of a reply, also when a model wraps it in a ``` fence or adds words around it. */
function jsonOf(reply: string): unknown {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('the reply held no JSON object');
  try {
    return JSON.parse(reply.slice(start, end + 1));
  } catch {
    throw new Error('the reply was not valid JSON');
  }
}

function parsed<T>(schema: z.ZodType<T>, reply: string): T {
  const result = schema.safeParse(jsonOf(reply));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`the reply's JSON did not have the expected shape (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`);
  }
  return result.data;
}

export function parseThemes(reply: string): LlmTheme[] {
  const seen = new Set<string>();
  return parsed(themeList, reply).themes.filter((t) => {
    const key = t.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Each answer's themes, keeping only references that were asked about and theme names from the list. */
export function parseAssignments(reply: string, references: ReadonlySet<string>, themes: readonly LlmTheme[]): Map<string, string[]> {
  const byLowerName = new Map(themes.map((t) => [t.name.toLowerCase(), t.name]));
  const out = new Map<string, string[]>();
  for (const a of parsed(assignmentList, reply).assignments) {
    if (!references.has(a.reference)) continue;
    const names = a.themes.map((n) => byLowerName.get(n.trim().toLowerCase())).filter((n): n is string => n !== undefined);
    out.set(a.reference, [...new Set(names)]);
  }
  return out;
}

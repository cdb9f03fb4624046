import { afterEach, describe, expect, it } from 'vitest';
import { startChatCompletionsServer } from '../../../test-support/chatCompletionsServer.js';
import { runLlmThemes } from './runLlmThemes.js';

const KEY = 'sk-test-0123456789';
const ANSWERS = [
  { reference: 'R1', text: 'Cars speeding past the school' },
  { reference: 'R2', text: 'Drug dealers on the corner near [address]' },
  { reference: 'R3', text: 'The street lights are out and [name] was scared' },
  { reference: 'R4', text: 'Speeding and drug dealing every night' },
  { reference: 'R5', text: 'Nothing to add' },
];
const QUESTION = 'What would make your area safer?';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function server(behaviourFor?: Parameters<typeof startChatCompletionsServer>[0]['behaviourFor']) {
  const s = await startChatCompletionsServer({ apiKey: KEY, behaviourFor });
  close = s.close;
  return s;
}

describe('runLlmThemes against a real chat-completions server', () => {
  it('generates themes batch by batch, condenses them, then assigns every answer', async () => {
    const s = await server();
    const result = await runLlmThemes({ baseUrl: s.baseUrl, model: 'llama3.1', apiKey: KEY }, { question: QUESTION, answers: ANSWERS, batchSize: 2 });
    expect(result).toEqual({
      ok: true,
      calls: 7, // 3 generate + 1 condense + 3 assign
      themes: [
        { name: 'Speeding traffic', description: 'Cars and bikes driven too fast' },
        { name: 'Drug dealing', description: 'Drugs sold or used in public' },
        { name: 'Street lighting', description: 'Broken or missing street lights' },
      ],
      assignments: new Map([
        ['R1', ['Speeding traffic']],
        ['R2', ['Drug dealing']],
        ['R3', ['Street lighting']],
        ['R4', ['Speeding traffic', 'Drug dealing']],
        ['R5', []],
      ]),
    });
    expect(s.received.map((r) => /Stage: (\w+)/.exec(r.body.messages[1]?.content ?? '')?.[1])).toEqual([
      'generate',
      'generate',
      'generate',
      'condense',
      'assign',
      'assign',
      'assign',
    ]);
    const first = s.received[0];
    expect(first?.authorization).toBe(`Bearer ${KEY}`);
    expect(first?.body).toMatchObject({ model: 'llama3.1', temperature: 0, response_format: { type: 'json_object' } });
  });

  it('sends the stored (redacted) text exactly as given, and nothing about the answers beyond reference and text', async () => {
    const s = await server();
    await runLlmThemes({ baseUrl: s.baseUrl, model: 'm', apiKey: KEY }, { question: QUESTION, answers: ANSWERS, batchSize: 10 });
    const prompt = s.received[0]?.body.messages[1]?.content ?? '';
    for (const a of ANSWERS) expect(prompt).toContain(JSON.stringify({ reference: a.reference, text: a.text }));
    expect(prompt).toContain('[address]');
  });

  it('keeps the codebook themes as named and adds the new ones after them', async () => {
    const s = await server();
    const result = await runLlmThemes(
      { baseUrl: s.baseUrl, model: 'm', apiKey: KEY },
      { question: QUESTION, answers: ANSWERS.slice(0, 1), existingThemes: [{ name: 'Parking', description: 'Inconsiderate parking' }] },
    );
    expect(result.ok && result.themes.map((t) => t.name)).toEqual(['Parking', 'Speeding traffic']);
  });

  it('says why when the key is refused, without repeating the key', async () => {
    const s = await server();
    const result = await runLlmThemes({ baseUrl: s.baseUrl, model: 'm', apiKey: 'wrong-key' }, { question: QUESTION, answers: ANSWERS });
    expect(result).toEqual({ ok: false, stage: 'generate', calls: 1, reason: `the LLM at ${s.baseUrl} refused the API key (401)` });
  });

  it('says which stage failed when a reply is not JSON, or the server errs', async () => {
    const s = await server((stage) => (stage === 'assign' ? 'garbage' : 'answer'));
    expect(await runLlmThemes({ baseUrl: s.baseUrl, model: 'm', apiKey: KEY }, { question: QUESTION, answers: ANSWERS })).toEqual({
      ok: false,
      stage: 'assign',
      calls: 3,
      reason: 'the reply held no JSON object',
    });
    await close?.();
    const t = await server((stage) => (stage === 'condense' ? 'server-error' : 'answer'));
    expect(await runLlmThemes({ baseUrl: t.baseUrl, model: 'm', apiKey: KEY }, { question: QUESTION, answers: ANSWERS })).toEqual({
      ok: false,
      stage: 'condense',
      calls: 2,
      reason: `the LLM at ${t.baseUrl} answered 500`,
    });
  });

  it('gives up after its time limit, and says so when nothing listens', async () => {
    const s = await server(() => 'hang');
    expect(await runLlmThemes({ baseUrl: s.baseUrl, model: 'm', apiKey: KEY }, { question: QUESTION, answers: ANSWERS, timeoutMs: 300 })).toEqual({
      ok: false,
      stage: 'generate',
      calls: 1,
      reason: `the LLM at ${s.baseUrl} did not answer in time`,
    });
    const gone = s.baseUrl;
    await close?.();
    close = undefined;
    expect(await runLlmThemes({ baseUrl: gone, model: 'm', apiKey: KEY }, { question: QUESTION, answers: ANSWERS })).toEqual({
      ok: false,
      stage: 'generate',
      calls: 1,
      reason: `could not reach the LLM at ${gone}`,
    });
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received: its headers and parsed JSON body. */
export interface ReceivedRequest {
  path: string;
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[]; temperature?: number; response_format?: unknown };
}

export type Behaviour = 'answer' | 'garbage' | 'hang' | 'server-error';

/**
 * A real HTTP server that speaks the OpenAI chat-completions protocol (POST /v1/chat/completions), for tests: it
 * answers each stage of runLlmThemes by keyword rules, as a very literal model would. `behaviourFor(stage)` makes it
 * misbehave at one stage (invalid JSON, no answer, a 500). Requests without `Bearer <apiKey>` get a 401.
 */
export async function startChatCompletionsServer(options: { apiKey: string; behaviourFor?: (stage: string) => Behaviour }) {
  const received: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ReceivedRequest['body'];
      received.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(404, { error: { message: 'not found' } });
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) return send(401, { error: { message: 'Incorrect API key provided' } });
      const prompt = body.messages.at(-1)?.content ?? '';
      const stage = /Stage: (\w+)/.exec(prompt)?.[1] ?? '';
      const behaviour = options.behaviourFor?.(stage) ?? 'answer';
      if (behaviour === 'hang') {
        hanging.add(res);
        return;
      }
      if (behaviour === 'server-error') return send(500, { error: { message: 'internal error' } });
      const content = behaviour === 'garbage' ? 'Sorry, I cannot help with that.' : reply(stage, prompt);
      send(200, {
        id: `chatcmpl-${received.length}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const RULES: { word: RegExp; name: string; description: string }[] = [
  { word: /speed|driv/i, name: 'Speeding traffic', description: 'Cars and bikes driven too fast' },
  { word: /drug|dealer/i, name: 'Drug dealing', description: 'Drugs sold or used in public' },
  { word: /light/i, name: 'Street lighting', description: 'Broken or missing street lights' },
];

function reply(stage: string, prompt: string): string {
  const answers = prompt
    .split('\n')
    .filter((l) => l.startsWith('{"reference"'))
    .map((l) => JSON.parse(l) as { reference: string; text: string });
  if (stage === 'generate') {
    const themes = RULES.filter((r) => answers.some((a) => r.word.test(a.text))).map(({ name, description }) => ({ name, description }));
    return JSON.stringify({ themes });
  }
  if (stage === 'condense') {
    const candidates = JSON.parse(prompt.slice(prompt.indexOf('Candidates:\n') + 'Candidates:\n'.length)) as { name: string }[];
    const names = [...new Set(candidates.map((c) => c.name))];
    return `\`\`\`json\n${JSON.stringify({ themes: RULES.filter((r) => names.includes(r.name)).map(({ name, description }) => ({ name, description })) })}\n\`\`\``;
  }
  return JSON.stringify({
    assignments: answers.map((a) => ({ reference: a.reference, themes: RULES.filter((r) => r.word.test(a.text)).map((r) => r.name.toUpperCase()) })),
  });
}

/** An attendee's voting page through their personal link (public, no JavaScript, rate-limited): the token decides the workshop. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { firstValue, parseRequest } from '../platform/validation.js';
import { castVotes } from './castVotes.js';
import { findVoter } from './queries/findVoter.js';
import { voteFormRequest, voteRequest } from './schema.js';
import { votePage } from './viewModels.js';
import { readBallot } from './votes.js';

export async function voteRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  const limit = config.submissionRateLimit > 0 ? { rateLimit: { max: config.submissionRateLimit, timeWindow: '1 minute' } } : undefined;

  async function voterFor(token: string) {
    const voter = await findVoter(db, token);
    if (!voter) throw notFound('Voting link');
    const partnership = await findPartnership(db, voter.workshop.partnershipId);
    if (!partnership) throw notFound('Voting link');
    return { voter, partnership };
  }

  app.get('/w/:token', { config: limit }, async (request, reply) => {
    const { params, query } = parseRequest(voteRequest, request);
    const { voter, partnership } = await voterFor(params.token);
    return reply
      .header('referrer-policy', 'no-referrer')
      .view('workshops/views/vote.njk', votePage({ partnership, voter, saved: query.saved === '1' }));
  });

  app.post('/w/:token', { config: limit }, async (request, reply) => {
    const { params, body } = parseRequest(voteFormRequest, request);
    const { voter, partnership } = await voterFor(params.token);
    const fields = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, firstValue(v)]));
    const show = (status: number, problem: { field: string; message: string }) =>
      reply.status(status).view('workshops/views/vote.njk', votePage({ partnership, voter, values: fields, fields: [problem] }));
    if (voter.workshop.voting !== 'open') return show(409, { field: 'form', message: 'Voting is not open' });
    const read = readBallot(
      fields,
      voter.candidates.map((c) => c.id),
      voter.workshop.dots,
    );
    if (!read.ok) return show(422, read);
    const cast = await attempt(['conflict'], () => castVotes({ db, voter, ballot: read.ballot }));
    if (!cast.ok) return show(409, { field: 'form', message: cast.error.message });
    return reply.redirect(`/w/${params.token}?saved=1`, 303);
  });
}

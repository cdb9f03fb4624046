/**
 * Importing police.uk files from the browser (docs/crime.md): the upload starts a background import and shows its
 * progress page (refresh to follow it; no JavaScript needed); the list of the partnership's imports with their summaries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { actorOf, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { newId } from '../db/columnTypes.js';
import { notFound } from '../platform/errors.js';
import { makeUploadDirectory } from '../platform/uploadDirectory.js';
import { parseRequest } from '../platform/validation.js';
import { crimePartnership } from './crimePartnership.js';
import { importCrime } from './importCrime.js';
import { listCrimeImports, loadCrimeImport } from './queries/crimeImports.js';
import { crimeImportRequest, crimeImportsRequest } from './schema.js';
import { importPage, importsPage } from './viewModels.js';

const MAX_FILES = 60;

export async function crimeImportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  await app.register(multipart, { limits: { fileSize: services.config.uploadLimitBytes, files: MAX_FILES, fields: 2 } });

  const partnershipFor = (user: Principal | undefined, id: string, action: 'crime:view' | 'crime:import') => crimePartnership(db, user, id, action);

  app.get('/staff/partnerships/:id/crime/imports', async (request, reply) => {
    const { params } = parseRequest(crimeImportsRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id, 'crime:view');
    return reply.view(
      'crime/views/imports.njk',
      importsPage(partnership, await listCrimeImports(db, params.id), can(principal, 'crime:import', params.id)),
    );
  });

  app.post('/staff/partnerships/:id/crime/imports', async (request, reply) => {
    const { params } = parseRequest(crimeImportsRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id, 'crime:import');
    const fail = async (message: string) =>
      reply.status(422).view('crime/views/imports.njk', importsPage(partnership, await listCrimeImports(db, params.id), true, message));
    if (!request.isMultipart()) return fail('Select one or more police.uk files (CSV or ZIP)');
    const dir = await makeUploadDirectory();
    const labels: Record<string, string> = {};
    try {
      for await (const part of request.files()) {
        const name = path.basename(part.filename ?? '').slice(0, 200);
        if (!/\.(csv|zip)$/i.test(name)) {
          part.file.resume();
          throw new UploadProblem(`${name || 'A file'} is not a .csv or .zip file: choose police.uk's CSV files or their ZIP download`);
        }
        const saved = path.join(dir, `${Object.keys(labels).length + 1}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
        await pipeline(part.file, fs.createWriteStream(saved));
        if (part.file.truncated) throw new UploadProblem(`${name} is larger than ${Math.round(services.config.uploadLimitBytes / 1_048_576)} MB`);
        labels[saved] = name;
      }
      if (Object.keys(labels).length === 0) throw new UploadProblem('Select one or more police.uk files (CSV or ZIP)');
    } catch (err) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      if (err instanceof UploadProblem) return fail(err.message);
      if ((err as { code?: string }).code === 'FST_FILES_LIMIT') return fail(`Upload at most ${MAX_FILES} files at once, or their ZIP`);
      throw err;
    }
    const importId = newId();
    const files = Object.keys(labels);
    // In the background: the page that follows shows its progress. The reading runs on a thread of its own.
    void importCrime({ db, actor: actorOf(principal), partnershipId: params.id, files, labels, importId })
      .catch((err) => request.log.error({ err, importId }, 'crime import failed'))
      .finally(() => fs.promises.rm(dir, { recursive: true, force: true }));
    return reply.redirect(`/staff/partnerships/${params.id}/crime/imports/${importId}`, 303);
  });

  app.get('/staff/partnerships/:id/crime/imports/:importId', async (request, reply) => {
    const { params } = parseRequest(crimeImportRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id, 'crime:view');
    const record = await loadCrimeImport(db, params.id, params.importId);
    if (!record) throw notFound('Import');
    return reply.view('crime/views/import.njk', importPage(partnership, record));
  });
}

class UploadProblem extends Error {}

/**
 * Partners' datasets in the browser (docs/crime.md): their column mappings listed, saved (officers) and used to import
 * a partner's CSV in the background, with the same progress page as police.uk imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { actorOf, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { newId } from '../db/columnTypes.js';
import { makeUploadDirectory } from '../platform/uploadDirectory.js';
import { parseRequest } from '../platform/validation.js';
import { crimePartnership } from './crimePartnership.js';
import { importPartnerData } from './partner/importPartnerData.js';
import { mappingSchema } from './partner/mapping.js';
import { listDatasets, saveDataset } from './queries/partnerDatasets.js';
import { crimeImportsRequest, datasetFormRequest } from './schema.js';
import { datasetsPage } from './viewModels.js';

const VIEW = 'crime/views/datasets.njk';

export async function crimeDatasetRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  await app.register(multipart, { limits: { fileSize: services.config.uploadLimitBytes, files: 1, fields: 3 } });

  const partnershipFor = (user: Principal | undefined, id: string, action: 'crime:view' | 'crime:import') => crimePartnership(db, user, id, action);

  app.get('/staff/partnerships/:id/crime/datasets', async (request, reply) => {
    const { params } = parseRequest(crimeImportsRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id, 'crime:view');
    return reply.view(
      VIEW,
      datasetsPage({ partnership, datasets: await listDatasets(db, params.id), canEdit: can(principal, 'crime:import', params.id) }),
    );
  });

  app.post('/staff/partnerships/:id/crime/datasets', async (request, reply) => {
    const { params, body } = parseRequest(datasetFormRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id, 'crime:import');
    const { name, ...columns } = body;
    const given = Object.fromEntries(Object.entries(columns).filter(([, v]) => v.trim() !== ''));
    const parsed = mappingSchema.safeParse(given);
    const fields = [
      ...(name.trim() && name.length <= 120
        ? []
        : [{ field: 'name', message: 'Give the dataset a name of at most 120 characters, such as Fly-tipping reports (council)' }]),
      ...(parsed.success
        ? []
        : parsed.error.issues.map((i) => ({
            field: String(i.path[0] ?? 'date'),
            message: i.path[0] === 'date' ? 'Give the column that holds the date' : i.message,
          }))),
    ];
    if (fields.length || !parsed.success)
      return reply
        .status(422)
        .view(VIEW, datasetsPage({ partnership, datasets: await listDatasets(db, params.id), canEdit: true, values: body, fields }));
    await saveDataset(db, params.id, name.trim(), parsed.data, actorOf(principal).label);
    return reply.redirect(`/staff/partnerships/${params.id}/crime/datasets?saved=1`, 303);
  });

  app.post('/staff/partnerships/:id/crime/datasets/import', async (request, reply) => {
    const { params } = parseRequest(crimeImportsRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id, 'crime:import');
    const datasets = await listDatasets(db, params.id);
    const fail = (message: string) =>
      reply.status(422).view(VIEW, datasetsPage({ partnership, datasets, canEdit: true, fields: [{ field: 'file', message }] }));
    const upload = request.isMultipart() ? await request.file() : undefined;
    if (!upload?.filename) return fail('Select a CSV file');
    // The dataset field comes before the file in the form; a partnership with one dataset need not say which.
    const chosen = String((upload.fields.dataset as { value?: unknown } | undefined)?.value ?? '');
    const dataset = chosen || (datasets.length === 1 ? (datasets[0]?.name ?? '') : '');
    if (!datasets.some((d) => d.name === dataset)) {
      upload.file.resume();
      return fail('Choose one of the partnership’s datasets (the dataset field comes before the file in the form)');
    }
    const name = path.basename(upload.filename).slice(0, 200);
    if (!/\.csv$/i.test(name)) {
      upload.file.resume();
      return fail(`${name} is not a .csv file`);
    }
    const dir = await makeUploadDirectory();
    const saved = path.join(dir, 'partner.csv');
    await pipeline(upload.file, fs.createWriteStream(saved));
    if (upload.file.truncated) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      return fail(`${name} is larger than ${Math.round(services.config.uploadLimitBytes / 1_048_576)} MB`);
    }
    const importId = newId();
    void importPartnerData({ db, actor: actorOf(principal), partnershipId: params.id, dataset, file: saved, label: name, importId })
      .catch((err) => request.log.error({ err, importId }, 'partner data import failed'))
      .finally(() => fs.promises.rm(dir, { recursive: true, force: true }));
    return reply.redirect(`/staff/partnerships/${params.id}/crime/imports/${importId}`, 303);
  });
}

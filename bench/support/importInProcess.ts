// Imports a responses file into a fresh SQLite database in this process and prints {seconds, maxRssMb, imported}.
// Usage: node --import tsx bench/support/importInProcess.ts <db file> <consultation id> <file>

import { ConsultationRuntimeCache } from '../../src/consultations/runtime.js';
import { openDatabase } from '../../src/db/database.js';
import { cliActor } from '../../src/platform/recordAudit.js';
import { importResponses } from '../../src/responses/importResponses.js';

const [dbPath, consultationId, file] = process.argv.slice(2) as [string, string, string];
const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
const started = performance.now();
const result = await importResponses({ handle, runtimes: new ConsultationRuntimeCache(handle.db), actor: cliActor(), consultationId, file });
const seconds = (performance.now() - started) / 1000;
await handle.close();
process.stdout.write(`${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, imported: result.imported })}\n`);

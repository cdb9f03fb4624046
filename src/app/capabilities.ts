import { accountsCapability } from '../accounts/capability.js';
import { analysisCapability } from '../analysis/capability.js';
import { assessmentCapability } from '../assessment/capability.js';
import { auditCapability } from '../audit/capability.js';
import { backupCapability } from '../backup/capability.js';
import { codingCapability } from '../coding/capability.js';
import { consultationsCapability } from '../consultations/capability.js';
import { crimeCapability } from '../crime/capability.js';
import { dataProtectionCapability } from '../dataProtection/capability.js';
import { geographyCapability } from '../geography/capability.js';
import { partnershipsCapability } from '../partnerships/capability.js';
import { planCapability } from '../plan/capability.js';
import { redactionCapability } from '../redaction/capability.js';
import { reportsCapability } from '../reports/capability.js';
import { responsesCapability } from '../responses/capability.js';
import { stakeholdersCapability } from '../stakeholders/capability.js';
import { statementsCapability } from '../statements/capability.js';
import { suggestionsCapability } from '../suggestions/capability.js';
import { surveysCapability } from '../surveys/capability.js';
import { workshopsCapability } from '../workshops/capability.js';
import type { Capability } from './capability.js';

/**
 * Every capability, in the order its routes register, its commands are listed and its demo loads.
 * Adding a capability: its folder, its capability.ts, and one line here (docs/architecture.md).
 */
export const CAPABILITIES: readonly Capability[] = [
  accountsCapability,
  partnershipsCapability,
  geographyCapability,
  crimeCapability,
  assessmentCapability,
  consultationsCapability,
  surveysCapability,
  responsesCapability,
  analysisCapability,
  auditCapability,
  backupCapability,
  statementsCapability,
  codingCapability,
  stakeholdersCapability,
  workshopsCapability,
  planCapability,
  suggestionsCapability,
  redactionCapability,
  reportsCapability,
  dataProtectionCapability,
];

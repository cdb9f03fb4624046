// What stakeholders publishes to other capabilities. Import from here, not from files inside the folder.
export { findStakeholder, listStakeholders, type Stakeholder } from './queries/listStakeholders.js';
export { SECTOR_LABELS, SECTORS, type Sector, sectorLabel } from './sectors.js';
export { type Message, type SendOutcome, sendMessages } from './sendMail.js';
export { loadSmtpConnection, type SmtpConnection } from './smtpSettings.js';

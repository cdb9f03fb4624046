// What backup publishes to other capabilities. Import from here, not from files inside the folder.
export { type BackupReport, backupDatabase } from './backupDatabase.js';
export { type RestoreReport, restoreDatabase } from './restoreDatabase.js';

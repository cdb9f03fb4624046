// What responses publishes to other capabilities. Import from here, not from files inside the folder.

export { removeStaleUploadDirectories } from '../platform/uploadDirectory.js';
export { CHANNELS, type Channel, channelLabel, KEYED_IN_CHANNELS } from './channels.js';
export { enterResponse } from './enterResponse.js';
export { exportHeader, exportResponses, writeCsv, writeXlsx } from './exportResponses.js';
export { ResponseWriter } from './groupCommit.js';
export { DuplicateImport, ImportRejected, importResponses } from './importResponses.js';
export { importHeader, writeImportTemplate } from './importTemplate.js';
export { importUploadedFile } from './importUploadedFile.js';
export { insertResponses } from './insertResponses.js';
export { withdrawResponse } from './manage/withdrawResponse.js';
export { presentStoredResponse, storedResponseSchema } from './presentStoredResponse.js';
export { isCounted } from './queries/countedResponses.js';
export { eachResponse, listResponses } from './queries/listResponses.js';
export { responseCounts } from './queries/responseCounts.js';
export { responseCountsByConsultation } from './queries/responseCountsByConsultation.js';
export { type ArrivedResponse, responsesArrivedAfter } from './queries/responsesArrivedAfter.js';
export { formatOf, TableFormatError } from './readTable.js';
export { newReference } from './reference.js';
export { removeAbandonedImports } from './removeAbandonedImports.js';
export { notOpenError, originalsOf, prepareResponse, submitResponse } from './submitResponse.js';

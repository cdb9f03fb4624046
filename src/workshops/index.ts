// What workshops publishes to other capabilities. Import from here, not from files inside the folder.
// Coding (src/coding/) keys on a workshop item's stable id and reads its text as stored by storedItemText.
export { ITEM_MAX_LENGTH, storedItemText } from './itemText.js';
export { type ConsultationItem, consultationItems } from './queries/consultationItems.js';
export { listWorkshops, loadWorkshopDetail, type Workshop, type WorkshopDetail, type WorkshopText } from './queries/loadWorkshop.js';
export { workshopEvidence } from './queries/workshopEvidence.js';

/** Whether two place names are the same, whatever their case, spacing or apostrophes ("St Michael’s", "St Michael's"). */
export const sameName = (a: string, b: string) => a.replace(/[’‘`]/g, "'").trim().toLowerCase() === b.replace(/[’‘`]/g, "'").trim().toLowerCase();

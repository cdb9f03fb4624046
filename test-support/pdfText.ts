import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text, in reading order, with runs of white space made one space (pdfjs-dist, a real PDF reader). */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: texts.join(' ').replace(/\s+/g, ' ') };
}

/**
 * A report as a Word document (docx): real headings (Title, Heading 1-3), real tables with a repeating header row,
 * real bulleted and numbered lists, charts as PNG pictures with alt text, and a footer with "Page N of M". Every
 * string is cleaned first (text.ts): no character XML forbids, none that hides or reorders text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { type Block, type Inline, narrativeParagraphs, type ReportDocument } from '../document/reportDocument.js';
import { cellText, cleanText, isNumericColumn, sourceLine } from './text.js';

const FONT = 'Arial';
const TEXT_COLOUR = '0B0C0C';
const SECONDARY_COLOUR = '505A5F';
const BORDER_COLOUR = '505A5F';
const SHADE = 'F3F2F1';
/** A4 with 2 cm margins: 17 cm of text width, in twips. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Charts at most 16 cm wide, in the pixels (96 to the inch) docx measures pictures in. */
const MAX_CHART_PX = Math.floor((16 / 2.54) * 96);
/** Half-points. */
const SIZE = { body: 22, small: 18 };

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const runs = (content: readonly Inline[]): TextRun[] =>
  content.map((c) => (typeof c === 'string' ? new TextRun(cleanText(c)) : new TextRun({ text: cleanText(c.text), bold: c.bold ?? false })));

const small = (text: string, options: { keepNext?: boolean } = {}) =>
  new Paragraph({
    keepNext: options.keepNext ?? false,
    spacing: { after: 200 },
    children: [new TextRun({ text, size: SIZE.small, color: SECONDARY_COLOUR })],
  });

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOUR };
const BORDERS = {
  top: cellBorder,
  bottom: cellBorder,
  left: cellBorder,
  right: cellBorder,
  insideHorizontal: cellBorder,
  insideVertical: cellBorder,
};

function table(block: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const numeric = block.header.map((_, i) => isNumericColumn(block, i));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: SHADE, color: 'auto' } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({ alignment: numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header })] }),
      ],
    });
  const last = block.rows.length - 1;
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, keepNext: last >= 0, children: block.header.map((h, i) => cell(cleanText(h), i, true)) }),
    ...block.rows.map(
      (row, r) => new TableRow({ cantSplit: true, keepNext: r < last, children: block.header.map((_, i) => cell(cellText(row[i] ?? ''), i, false)) }),
    ),
  ];
  return [
    new Paragraph({ keepNext: true, spacing: { before: 120, after: 80 }, children: [new TextRun({ text: cleanText(block.caption), bold: true })] }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: BORDERS }),
    ...(block.note ? [small(cleanText(block.note))] : [new Paragraph({ spacing: { after: 120 }, children: [] })]),
  ];
}

function chart(block: Extract<Block, { kind: 'chart' }>): Paragraph[] {
  const width = Math.min(block.width, MAX_CHART_PX);
  const height = Math.round((block.height * width) / block.width);
  const title = cleanText(block.title);
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: block.png,
          transformation: { width, height },
          altText: { name: title, title, description: cleanText(block.alt) },
        }),
      ],
    }),
    small(`${cleanText(block.base)}; ${cleanText(block.source)}`),
  ];
}

/** One block's paragraphs and tables; `nextList` numbers the numbered lists, each a new instance that counts from 1. */
function blockContent(b: Block, nextList: () => number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[b.level], children: [new TextRun(cleanText(b.text))] })];
    case 'paragraph':
      return [new Paragraph({ children: runs(b.content) })];
    case 'list': {
      const numbering = b.ordered ? { reference: 'numbers', level: 0, instance: nextList() } : { reference: 'bullets', level: 0 };
      return b.items.map((item) => new Paragraph({ numbering, spacing: { after: 60 }, children: runs(item) }));
    }
    case 'narrative': {
      const paragraphs = narrativeParagraphs(b.text);
      if (!paragraphs.length) return [new Paragraph({ children: [new TextRun({ text: cleanText(b.placeholder), italics: true })] })];
      return paragraphs.map((p) => new Paragraph({ children: [new TextRun(cleanText(p))] }));
    }
    case 'table':
      return table(b);
    case 'chart':
      return chart(b);
    case 'notice':
      return [
        new Paragraph({
          spacing: { before: 120, after: 200 },
          shading: { type: ShadingType.CLEAR, fill: SHADE, color: 'auto' },
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B1B4B6', space: 8 } },
          indent: { left: 200 },
          children: [new TextRun(cleanText(b.text))],
        }),
      ];
  }
}

function blocks(doc: ReportDocument): (Paragraph | Table)[] {
  let lists = 0;
  return doc.blocks.flatMap((b) => blockContent(b, () => ++lists));
}

const footer = (text: string) =>
  new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: cleanText(text), size: SIZE.small }),
          new TextRun({ size: SIZE.small, children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });

const heading = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: TEXT_COLOUR },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

const listLevel = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => [
  { level: 0, format, text, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } },
];

/** The report as a .docx file. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'SaferPlan',
    title: cleanText(doc.title),
    description: cleanText(doc.kind),
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body, color: TEXT_COLOUR }, paragraph: { spacing: { after: 160, line: 276 } } },
        title: heading(44, 0),
        heading1: heading(32, 360),
        heading2: heading(26, 280),
        heading3: heading(22, 240),
      },
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: listLevel(LevelFormat.BULLET, '\u2022') },
        { reference: 'numbers', levels: listLevel(LevelFormat.DECIMAL, '%1.') },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        footers: { default: footer(doc.footer) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cleanText(doc.title))] }),
          ...doc.meta.map(
            (m) =>
              new Paragraph({
                spacing: { after: 40 },
                children: [new TextRun({ text: `${cleanText(m.label)}: `, bold: true }), new TextRun(cleanText(m.value))],
              }),
          ),
          ...blocks(doc),
          ...(doc.sources.length
            ? [
                new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sources')] }),
                ...doc.sources.map((s) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(sourceLine(s))] })),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

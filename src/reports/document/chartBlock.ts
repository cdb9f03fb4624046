/**
 * A chart's SVG (as the dashboard draws it, at its download size) as a report block, with its PNG for DOCX. The
 * title and the screen-reader description are read from the SVG's own <title> and <desc>.
 */
import { renderPng } from '../../charts/renderPng.js';
import type { Block } from './reportDocument.js';

const attribute = (svg: string, name: string) => Number(new RegExp(`<svg[^>]*\\s${name}="([\\d.]+)"`).exec(svg)?.[1] ?? Number.NaN);
const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const element = (svg: string, name: string) => fromXml(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(svg)?.[1] ?? '');

export function chartBlock(svg: string, text: { base: string; source: string }): Extract<Block, { kind: 'chart' }> {
  const viewBox = /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = attribute(svg, 'width') || Number(viewBox?.[1] ?? 440);
  const height = attribute(svg, 'height') || Number(viewBox?.[2] ?? 300);
  let png: Buffer | undefined;
  return {
    kind: 'chart',
    title: element(svg, 'title'),
    alt: element(svg, 'desc'),
    base: text.base,
    source: text.source,
    svg,
    // Drawn only when a DOCX asks for it: HTML and PDF use the SVG, and a findings report has a chart per question.
    get png() {
      png ??= renderPng(svg);
      return png;
    },
    width,
    height,
  };
}

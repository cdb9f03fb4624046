/** A chart's SVG (as the dashboard draws it, at its download size) as a report block, with its PNG for DOCX. */
import { renderPng } from '../../charts/renderPng.js';
import type { Block } from './reportDocument.js';

const attribute = (svg: string, name: string) => Number(new RegExp(`<svg[^>]*\\s${name}="([\\d.]+)"`).exec(svg)?.[1] ?? Number.NaN);

export function chartBlock(svg: string, text: { title: string; alt: string; base: string; source: string }): Extract<Block, { kind: 'chart' }> {
  const viewBox = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = attribute(svg, 'width') || Number(viewBox?.[1] ?? 440);
  const height = attribute(svg, 'height') || Number(viewBox?.[2] ?? 300);
  return { kind: 'chart', ...text, svg, png: renderPng(svg), width, height };
}

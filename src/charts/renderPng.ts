/**
 * A chart's SVG as PNG, for documents and slides that take no SVG. resvg (@resvg/resvg-js: the maintained Rust
 * renderer, a prebuilt binary in the npm package) draws it in-process in a few milliseconds with the system's fonts
 * (Liberation Sans standing in for Arial, with the same metrics), so no browser is started for a download.
 */
import { Resvg } from '@resvg/resvg-js';

/** Twice the SVG's size, so the picture stays sharp when a document scales it. */
export function renderPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  });
  return resvg.render().asPng();
}

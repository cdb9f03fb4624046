import type * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barChart } from './barChart.js';
import { axisEnd, CHART_WIDTH, percentLabel } from './chart.js';
import { divergingChart, scaleColours, segmentsOf } from './divergingChart.js';
import { renderPng } from './renderPng.js';
import { renderSvg } from './renderSvg.js';
import { textWidth, wrapText } from './wrapText.js';

// Labels alike in their first 42 characters: the old chart cut them there and used the cut text as the band key,
// so the 19 ethnic groups were drawn as 15 bars with values on top of each other.
const ALIKE = [
  'Black, Black British, Black Welsh, Caribbean or African: African',
  'Black, Black British, Black Welsh, Caribbean or African: Caribbean',
  'Black, Black British, Black Welsh, Caribbean or African: Any other Black, Black British or Caribbean background',
  'Mixed or Multiple ethnic groups: White and Asian',
  'Mixed or Multiple ethnic groups: White and Black African',
  'Mixed or Multiple ethnic groups: White and Black Caribbean',
];
const TEXT = {
  id: 'c',
  title: 'What is your ethnic group?',
  description: 'Bars.',
  base: 'Base: all who answered, n = 120',
  source: 'Source: Crime Survey 2024, Testshire CSP',
};

type Scale = { domain?: unknown[] };
const scale = (spec: Plot.PlotOptions, name: 'x' | 'y') => (spec as Record<string, Scale>)[name] as Scale;
const svgDoc = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;

describe('wrapText', () => {
  it('breaks at spaces within the width and keeps every word', () => {
    // "Vehicle crime, such as cars" is 12.82 em (166.7 px at 13 px); adding " being" (2.8 em) makes 203 px
    expect(wrapText('Vehicle crime, such as cars being stolen or broken into', 200, 13)).toEqual([
      'Vehicle crime, such as cars',
      'being stolen or broken into',
    ]);
    expect(wrapText('Short', 200, 13)).toEqual(['Short']);
    expect(wrapText('', 200, 13)).toEqual(['']);
  });
  it('breaks a word longer than a line with a hyphen', () => {
    // "Supercali-" is 4.6 em (59.8 px); "fragilistic" 4.2 em (54.6 px)
    expect(wrapText('Supercalifragilistic', 60, 13)).toEqual(['Supercali-', 'fragilistic']);
  });
  it('estimates Arial widths: capitals wider than lower case, i narrower', () => {
    expect(textWidth('ab', 10)).toBeCloseTo(11.2, 10);
    expect(textWidth('AB', 10)).toBeCloseTo(13.6, 10);
    expect(textWidth('il', 10)).toBeCloseTo(4.8, 10);
  });
});

describe('the value axis', () => {
  it('ends at the smallest round number at or above the largest value', () => {
    expect([0, 0.4, 2.1, 8.9, 10, 10.1, 56.7, 91, 100].map(axisEnd)).toEqual([1, 1, 5, 10, 10, 15, 60, 100, 100]);
  });
  it('labels whole percentages from 10 and one decimal place below', () => {
    expect([56.72, 9.96, 9.94, 2.05].map(percentLabel)).toEqual(['57%', '10%', '9.9%', '2.0%']);
  });
});

describe('barChart', () => {
  const bars = ALIKE.map((label, i) => ({ label, percent: 2 + i }));

  it('gives every category its own band, whatever its label', () => {
    const { plot } = barChart(bars);
    expect(scale(plot, 'y').domain).toEqual(['0', '1', '2', '3', '4', '5']);
    const svg = renderSvg(barChart(bars), TEXT);
    // one background and one bar per category
    expect(svgDoc(svg).querySelectorAll('rect').length).toBe(1 + ALIKE.length);
  });

  it('fits the value axis to the data: bars of 2-7% on an axis to 10%', () => {
    expect(scale(barChart(bars).plot, 'x').domain).toEqual([0, 10]);
    expect(scale(barChart([{ label: 'A', percent: 81.1 }]).plot, 'x').domain).toEqual([0, 90]);
  });

  it('writes long labels in full, wrapped', () => {
    const text = svgDoc(renderSvg(barChart(bars), TEXT)).querySelector('svg')?.textContent ?? '';
    expect(text).toContain('Black, Black British, Black Welsh, Caribbean or African: Any other');
    expect(text).toContain('Black, Black British or Caribbean background');
    expect(text).not.toContain('…');
  });

  it('keeps a category with no figure in its place, with no bar', () => {
    const { plot } = barChart([
      { label: 'A', percent: 10 },
      { label: 'B', percent: null },
    ]);
    expect(scale(plot, 'y').domain).toEqual(['0', '1']);
    expect(
      svgDoc(
        renderSvg(
          barChart([
            { label: 'A', percent: 10 },
            { label: 'B', percent: null },
          ]),
          TEXT,
        ),
      ).querySelectorAll('rect').length,
    ).toBe(2);
  });
});

describe('renderSvg', () => {
  it('puts the title, base and source on the picture and names it by its title and description', () => {
    const svg = renderSvg(barChart([{ label: 'Fly-tipping', percent: 56.7 }]), TEXT);
    const root = svgDoc(svg).querySelector('svg');
    const lines = [...(root?.querySelectorAll('text') ?? [])].map((t) => t.textContent);
    expect(lines[0]).toBe('What is your ethnic group?');
    expect(lines).toContain('Base: all who answered, n = 120');
    expect(lines).toContain('Source: Crime Survey 2024, Testshire CSP');
    expect(lines).toContain('57%');
    expect(root?.getAttribute('role')).toBe('img');
    expect(root?.getAttribute('aria-labelledby')).toBe('c-title c-desc');
    expect(root?.querySelector('title')?.textContent).toBe('What is your ethnic group?');
    expect(root?.querySelector('desc')?.textContent).toBe('Bars. Base: all who answered, n = 120. Source: Crime Survey 2024, Testshire CSP.');
    expect(root?.getAttribute('width')).toBe(String(CHART_WIDTH));
    expect(root?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg).not.toContain('<style');
  });

  it('inline: no fixed size (it scales to the column), no style element, no per-mark aria-labels', () => {
    const svg = renderSvg(barChart([{ label: 'A', percent: 5 }]), TEXT, { inline: true });
    const root = svgDoc(svg).querySelector('svg');
    expect(root?.getAttribute('width')).toBeNull();
    expect(root?.getAttribute('class')).toBe('app-chart__svg');
    expect(root?.getAttribute('viewBox')).toMatch(/^0 0 440 \d+$/);
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('aria-label=');
  });

  it('writes coordinates to two decimal places at most', () => {
    const svg = renderSvg(
      divergingChart(['Very safe', 'Fairly safe', 'A bit unsafe', 'Very unsafe'], [{ label: 'r', percents: [40.1, 51, 6.2, 2.7] }]),
      TEXT,
    );
    expect(svg).not.toMatch(/\d\.\d{3}/);
    expect(svg).toMatch(/x="\d+\.\d{1,2}"/);
  });

  it('escapes text from the survey: a label is never markup', () => {
    const svg = renderSvg(barChart([{ label: 'A <script>alert(1)</script> & co', percent: 5 }]), { ...TEXT, title: 'T <b>', source: 'S & <s>' });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(svg).toContain('>T &lt;b&gt;</text>');
    expect(svg).toContain('>S &amp; &lt;s&gt;</text>');
  });

  it('wraps a long title instead of cutting it', () => {
    const title = 'How much of a problem are the following in your area, thinking of the last twelve months?';
    const svg = renderSvg(barChart([{ label: 'A', percent: 5 }]), { ...TEXT, title });
    const bold = [...svgDoc(svg).querySelectorAll('text[font-weight="bold"]')].map((t) => t.textContent);
    expect(bold.length).toBe(2);
    expect(bold.join(' ')).toBe(title);
  });
});

describe('divergingChart', () => {
  const categories = ['Very safe', 'Fairly safe', 'A bit unsafe', 'Very unsafe'];

  it('puts the first half of the scale right of zero and the second half left, innermost next to zero', () => {
    expect(segmentsOf([40, 30, 20, 10], 'r')).toEqual([
      { key: 'r', category: 0, percent: 40, x1: 30, x2: 70 },
      { key: 'r', category: 1, percent: 30, x1: 0, x2: 30 },
      { key: 'r', category: 2, percent: 20, x1: -20, x2: 0 },
      { key: 'r', category: 3, percent: 10, x1: -30, x2: -20 },
    ]);
  });

  it('splits a middle option across zero', () => {
    expect(segmentsOf([50, 20, 30], 'r')).toEqual([
      { key: 'r', category: 0, percent: 50, x1: 10, x2: 60 },
      { key: 'r', category: 1, percent: 20, x1: -10, x2: 10 },
      { key: 'r', category: 2, percent: 30, x1: -40, x2: -10 },
    ]);
  });

  it('draws one band per row, a legend entry per answer and an axis fitted to each side', () => {
    const chart = divergingChart(categories, [
      { label: 'during the day?', percents: [40.1, 51, 6.2, 2.7] },
      { label: 'after dark?', percents: [12.3, 34.1, 33.3, 20.3] },
      { label: 'too few', percents: null },
    ]);
    expect(scale(chart.plot, 'y').domain).toEqual(['0', '1', '2']);
    expect(scale(chart.plot, 'x').domain).toEqual([-60, 100]);
    expect(chart.legend).toEqual([
      { label: 'Very safe', colour: '#1d70b8' },
      { label: 'Fairly safe', colour: '#5694ca' },
      { label: 'A bit unsafe', colour: '#f47738' },
      { label: 'Very unsafe', colour: '#d4351c' },
    ]);
    const lines = [...svgDoc(renderSvg(chart, TEXT)).querySelectorAll('text')].map((t) => t.textContent);
    // each side's total at its end: 91% safe by day, 8.9% unsafe; 46% and 54% after dark
    expect(lines).toEqual(expect.arrayContaining(['91%', '8.9%', '46%', '54%', 'Very safe', 'A bit unsafe', 'during the day?', 'too few']));
  });

  it('colours the ends of the scale darkest, with grey in the middle', () => {
    expect(scaleColours(5)).toEqual(['#1d70b8', '#5694ca', '#b1b4b6', '#f47738', '#d4351c']);
    expect(scaleColours(2)).toEqual(['#5694ca', '#f47738']);
  });
});

describe('renderPng', () => {
  it('draws the SVG as a PNG at twice its size', () => {
    const svg = renderSvg(barChart([{ label: 'Fly-tipping', percent: 56.7 }]), TEXT);
    const png = renderPng(svg);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const height = Number(svgDoc(svg).querySelector('svg')?.getAttribute('height'));
    expect(png.readUInt32BE(16)).toBe(2 * CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(2 * height);
  });
});

import type { Branding } from './schema.js';

/** The partnership's colours as a stylesheet, so pages carry no inline styles (the CSP forbids them). */
export function brandCss(branding: Branding): string {
  const c = branding.colour;
  return [
    `.app-header.govuk-generic-header, .app-header .govuk-generic-header__container { background-color: ${c}; border-color: ${c}; }`,
    `.app-header .govuk-generic-header__homepage-link, .app-header .govuk-generic-header__homepage-link:visited { color: #ffffff; }`,
    `.govuk-service-navigation { border-bottom-color: ${c}; }`,
  ].join('\n');
}

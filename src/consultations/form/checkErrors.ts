/** Errors found when the whole response is submitted, each linked to the field on the page where it is answered. */
import { type ErrorLink, errorLinks } from './fieldIds.js';
import type { Screen } from './screens.js';

export function checkErrorLinks(
  screens: readonly Screen[],
  errors: readonly { field: string; message: string }[],
  hrefFor: (screen: Screen) => string,
): ErrorLink[] {
  return screens.flatMap((screen) => errorLinks(screen.questions, errors).map((e) => ({ ...e, href: `${hrefFor(screen)}${e.href}` })));
}

/** What a template builds a consultation's first survey version from: the title, and what the partnership has decided. */

/** One of the partnership's plan themes (partnerships' listPlanThemes), in the plan's order. */
export interface TemplateTheme {
  id: string;
  title: string;
}

export interface TemplateContext {
  title: string;
  themes: readonly TemplateTheme[];
}

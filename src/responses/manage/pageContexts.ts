// The responses pages and their view models (see platform/pageContexts.ts).
import type { correctView, listView, responseView, withdrawView } from './pages.js';

declare module '../../platform/pageContexts.js' {
  interface PageContexts {
    'responses/manage/views/list.njk': ReturnType<typeof listView>;
    'responses/manage/views/response.njk': ReturnType<typeof responseView>;
    'responses/manage/views/correct.njk': ReturnType<typeof correctView>;
    'responses/manage/views/withdraw.njk': ReturnType<typeof withdrawView>;
  }
}

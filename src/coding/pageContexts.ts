// The coding pages and their view models (see platform/pageContexts.ts).
import type {
  agreementPage,
  answerPage,
  answersPage,
  blindPage,
  codebookPage,
  overviewPage,
  resultsPage,
  splitPage,
  themePage,
} from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'coding/views/overview.njk': ReturnType<typeof overviewPage>;
    'coding/views/codebook.njk': ReturnType<typeof codebookPage>;
    'coding/views/theme.njk': ReturnType<typeof themePage>;
    'coding/views/split.njk': ReturnType<typeof splitPage>;
    'coding/views/answers.njk': ReturnType<typeof answersPage>;
    'coding/views/answer.njk': ReturnType<typeof answerPage>;
    'coding/views/blind.njk': ReturnType<typeof blindPage>;
    'coding/views/agreement.njk': ReturnType<typeof agreementPage>;
    'coding/views/results.njk': ReturnType<typeof resultsPage>;
  }
}

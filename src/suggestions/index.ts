// The suggestions capability's published API: pure models, no I/O (docs/suggestions.md).
export { type CandidateTheme, type ClusterOptions, clusterAnswers } from './clusterAnswers.js';
export type { Answer as LlmAnswer, LlmTheme } from './llm/prompts.js';
export { type LlmEndpoint, type LlmRunOptions, type LlmRunResult, type LlmStage, runLlmThemes } from './llm/runLlmThemes.js';
export { type F1Report, multiLabelF1 } from './metrics.js';
export { type Sentiment, type SentimentScore, scoreSentiment } from './sentiment.js';
export {
  type AnswerSuggestions,
  type DiscoveredTheme,
  discoverThemes,
  type ReferencedAnswer,
  type SuggestForQuestionOptions,
  suggestForQuestion,
} from './suggestForQuestion.js';
export {
  type CodedAnswer,
  type Suggestion,
  type SuggestOptions,
  suggestThemes,
  type ThemeDefinition,
  type ThemeModel,
  type TrainingOptions,
  themeProbabilities,
  trainThemeModel,
} from './themeClassifier.js';

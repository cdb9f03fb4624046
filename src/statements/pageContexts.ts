// The statement pages and their view models (see platform/pageContexts.ts).
import type { accessibilityPage, chooserPage, editAccessibilityPage, editPrivacyPage, privacyPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'statements/views/accessibility.njk': ReturnType<typeof accessibilityPage>;
    'statements/views/privacy.njk': ReturnType<typeof privacyPage>;
    'statements/views/chooser.njk': ReturnType<typeof chooserPage>;
    'statements/views/edit-accessibility.njk': ReturnType<typeof editAccessibilityPage>;
    'statements/views/edit-privacy.njk': ReturnType<typeof editPrivacyPage>;
  }
}

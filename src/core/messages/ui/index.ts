import type { Language } from '../language';
import { en } from './en';
import { zhCN } from './zh-CN';
import { featureMessages } from './features';

/**
 * The app's interface texts by key, per language: the base dictionaries plus each feature area's
 * (./features). i18next reads them as its resources; `{{name}}` is a parameter.
 */
export const UI_MESSAGES: Record<Language, Record<string, string>> = {
  en: { ...en, ...featureMessages.en },
  'zh-CN': { ...zhCN, ...featureMessages['zh-CN'] },
};

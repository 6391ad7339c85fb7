import { registerMessages } from '../../../../core/i18n/i18n.js';
import { surveyZhCN, type SurveyMessageId } from './zh-CN.js';
import { surveyEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<SurveyMessageId, true> {}
}

registerMessages(surveyZhCN, surveyEn);

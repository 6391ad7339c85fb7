import { registerMessages } from '../../../core/i18n/i18n.js';
import { learningZhCN, type LearningMessageId } from './zh-CN.js';
import { learningEn } from './en.js';

declare module '../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<LearningMessageId, true> {}
}

registerMessages(learningZhCN, learningEn);

import {
  ErrorCategory,
  type RobotContext,
  RobotFailure,
  type RobotHandler,
  RobotHandlerFor,
  StepCategory,
} from '../../sdk/index.js';

const MAX_TEXT = 100_000;
const STOPWORDS = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'in', 'that', 'it', 'for', 'with', 'as', 'was', 'on', 'are', 'this']),
  es: new Set(['el', 'la', 'de', 'que', 'y', 'en', 'los', 'se', 'del', 'las', 'por', 'un', 'para', 'con', 'una']),
};

/**
 * An in-process module to copy: robot type `text_stats` takes `{ text }` and returns word and
 * sentence counts, the most frequent words and a language guess (English or Spanish), reporting
 * each step. Bad input is a VALIDATION failure (not retried).
 */
@RobotHandlerFor({ name: 'TextStatsModule', version: '1.0.0', robotTypes: ['text_stats'] })
export class TextStatsHandler implements RobotHandler {
  async handle(ctx: RobotContext): Promise<Record<string, unknown>> {
    await ctx.progress({
      step: 'VALIDATE_INPUT',
      category: StepCategory.Validation,
      percentage: 0,
      totalSteps: 3,
      completedSteps: 0,
    });
    const text = ctx.input.text;
    if (typeof text !== 'string' || text.trim() === '') {
      throw new RobotFailure(ErrorCategory.Validation, 'input_data.text must be a non-empty string');
    }
    if (text.length > MAX_TEXT) {
      throw new RobotFailure(ErrorCategory.Validation, `input_data.text is longer than ${MAX_TEXT} characters`, {
        length: text.length,
      });
    }

    await ctx.progress({ step: 'TOKENIZE', category: StepCategory.Processing, percentage: 33, completedSteps: 1 });
    const words = text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
    const sentences = text.split(/[.!?¡¿]+/).filter((s) => s.trim().length > 0).length;
    if (ctx.signal.aborted) return {};

    await ctx.progress({ step: 'ANALYSE', category: StepCategory.Processing, percentage: 66, completedSteps: 2 });
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([word, count]) => ({ word, count }));
    const hits = (lang: keyof typeof STOPWORDS) => words.filter((w) => STOPWORDS[lang].has(w)).length;
    const en = hits('en');
    const es = hits('es');
    const language = en === es ? 'unknown' : en > es ? 'en' : 'es';

    await ctx.progress({ step: 'FINALIZE', category: StepCategory.Finalization, percentage: 100, completedSteps: 3 });
    return { characters: text.length, words: words.length, sentences, top_words: top, language };
  }
}

// A problem of the account session or the reviews feed as a sentence in the shop's language. The
// store files a message key, and with a refusal the server's own sentence: a key that only says
// "refused" (or "invalid") is shown with that sentence after it (the shop's reason, in whatever
// language the shop wrote it: that language is unknown, so it is not marked), and an unknown key
// falls back to it.
import { html } from 'lit';
import { msg } from '../../i18n/messages.js';

export interface Problem {
  key: string;
  text?: string;
  field?: string;
}

/** The sentence for `problem`; `params` fill the key's placeholders (`{email}`…). */
export function problemText(locale: string, problem: Problem, params?: Record<string, string | number>): string {
  const said = msg(locale, problem.key, params);
  if (said === problem.key) return problem.text || msg(locale, 'error.unknown');
  return problem.text && /[.-]refused$|\.invalid$/.test(problem.key) ? `${said} ${problem.text}` : said;
}

/**
 * A message key in the shop's language; anything else is the server's own sentence, shown only as
 * a last resort (no key says it), in an isolate of its own direction: its language is unknown,
 * and an English sentence must not reorder an Arabic page around it.
 */
export function saidView(locale: string, keyOrText: string, params?: Record<string, string | number>) {
  const said = msg(locale, keyOrText, params);
  return said === keyOrText ? html`<bdi>${keyOrText}</bdi>` : said;
}

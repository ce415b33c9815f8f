// The writing half of <tote-reviews>: the rating as a radio group of five (native radios in a
// fieldset, so arrow keys and screen readers work as everywhere; drawn as stars), title, text and
// name, and the way a failure reads: the draft stays, the reason is said, "Try again".
import { html, nothing } from 'lit';
import type { ReviewInput } from '../../api/index.js';
import { msg } from '../../i18n/messages.js';
import { REVIEW_LIMITS, type ReviewSubmission } from '../../store/reviews/index.js';
import { problemText } from '../base/problem-text.js';
import { starsLabel } from './reviews-parts.js';

/** The review being written, as the form holds it. */
export interface Draft {
  rating: number;
  title: string;
  content: string;
  authorName: string;
}

export const emptyDraft = (): Draft => ({ rating: 0, title: '', content: '', authorName: '' });

export const draftOf = (input: ReviewInput): Draft => ({
  ...emptyDraft(),
  ...input,
  authorName: input.authorName ?? '',
});

/** The message under each field that a review cannot be sent without. */
export const FIELD_PROBLEMS: Record<string, string> = {
  rating: 'reviews.need-rating',
  title: 'reviews.need-title',
  content: 'reviews.need-text',
};

export interface FormContext {
  locale: string;
  draft: Draft;
  submission: ReviewSubmission;
  /** The field the form (or the feed) found missing, or ''. */
  invalid: string;
  sending: boolean;
  /** Seconds before a review may be sent (0: now). */
  wait: number;
  onInput(event: Event): void;
  onSubmit(event: SubmitEvent): void;
}

function fieldError(locale: string, field: string, invalid: string) {
  return invalid === field
    ? html`<p class="field-error" id="${field}-error" role="alert">${msg(locale, FIELD_PROBLEMS[field]!)}</p>`
    : nothing;
}

const invalidAttrs = (field: string, invalid: string) => ({
  invalid: invalid === field ? 'true' : 'false',
  describedby: invalid === field ? `${field}-error` : undefined,
});

export function formView(ctx: FormContext) {
  const { locale, draft, submission, invalid, wait } = ctx;
  const t = (key: string, params?: Record<string, string | number>) => msg(locale, key, params);
  const sending = ctx.sending || submission.status === 'sending';
  const failed =
    submission.status === 'failed' && submission.problem && !FIELD_PROBLEMS[submission.problem.field ?? ''];
  const title = invalidAttrs('title', invalid);
  const content = invalidAttrs('content', invalid);
  return html`<form part="form" class="form" novalidate aria-labelledby="write-title" @input=${ctx.onInput} @submit=${ctx.onSubmit}>
    <h3 id="write-title">${t('reviews.write')}</h3>
    <fieldset part="rating-input" class="rate" aria-describedby=${invalid === 'rating' ? 'rating-error' : nothing}>
      <legend>${t('reviews.rating')}</legend>
      <div class="rate-stars">
        ${[1, 2, 3, 4, 5].map(
          (stars) => html`<label class="star">
            <input type="radio" name="rating" value=${stars} .checked=${draft.rating === stars} required />
            <span aria-hidden="true">★</span><span class="visually-hidden">${starsLabel(locale, stars)}</span>
          </label>`,
        )}
      </div>
      ${fieldError(locale, 'rating', invalid)}
    </fieldset>
    <div class="field">
      <label for="title">${t('reviews.field-title')}</label>
      <input id="title" name="title" maxlength=${REVIEW_LIMITS.title} required autocomplete="off" .value=${draft.title}
        aria-invalid=${title.invalid} aria-describedby=${title.describedby ?? nothing} />
      ${fieldError(locale, 'title', invalid)}
    </div>
    <div class="field">
      <label for="content">${t('reviews.field-text')}</label>
      <textarea id="content" name="content" rows="5" maxlength=${REVIEW_LIMITS.content} required .value=${draft.content}
        aria-invalid=${content.invalid} aria-describedby=${content.describedby ?? nothing}></textarea>
      ${fieldError(locale, 'content', invalid)}
    </div>
    <div class="field">
      <label for="authorName">${t('reviews.field-name')} <span class="optional">${t('field.optional')}</span></label>
      <input id="authorName" name="authorName" maxlength=${REVIEW_LIMITS.authorName} autocomplete="name" .value=${draft.authorName}
        aria-describedby="name-note" />
      <p class="field-note" id="name-note">${t('reviews.name-note')}</p>
    </div>
    ${
      failed
        ? html`<div part="failure" class="notice error" role="alert">
            <p>${t('reviews.failed')}</p>
            <p>${problemText(locale, submission.problem!)}</p>
          </div>`
        : nothing
    }
    <div class="actions">
      <button part="submit" class="button" aria-disabled=${sending || wait > 0 ? 'true' : 'false'} aria-busy=${sending ? 'true' : 'false'}
        aria-describedby=${wait > 0 ? 'review-wait' : nothing}>
        ${sending ? t('reviews.sending') : submission.status === 'failed' ? t('error.retry') : t('reviews.submit')}
      </button>
    </div>
    ${wait > 0 ? html`<p class="field-note" id="review-wait">${t('reviews.retry-in', { seconds: wait })}</p>` : nothing}
  </form>`;
}

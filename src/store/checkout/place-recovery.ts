// "Place order" when its answer may be lost: a dropped connection or a timeout after the server
// created the order. The order then exists and holds stock; only the answer is gone. So every
// retry of the same checkout carries the same X-Request-Id and body, and a server that replays by
// request id (the reference store, Stripe's rule) answers with the order it made. A server that
// does not answers `already_converted` instead, and OrderSteps resumes the order it names — or,
// when it names none, starts a fresh cart and says what happened (api-contract.md: a converted cart
// reads back unchanged, and no route finds an order by cart token).
import { nanoid } from 'nanoid';
import { ApiError, CheckoutRejection, type CheckoutRequest, type CheckoutResult } from '../../api/index.js';
import type { FlowApi } from './flow-types.js';

/** The waits before the checkout whose answer was lost is sent again, within the same click. */
export const LOST_ANSWER_RETRIES: readonly number[] = [1000, 3000];

/** For `already_converted`: the order the cart became (null when the server does not say); else undefined. */
export function convertedOrderOf(error: unknown): string | null | undefined {
  return error instanceof CheckoutRejection && error.rejection === 'already_converted' ? error.orderId : undefined;
}

/** One "Place order" job: its request id stays while the same order is placed again. */
export class CheckoutJob {
  #last: { requestId: string; body: string } | null = null;

  /**
   * `POST /cart/checkout`, sent again after `delays` while its answer is lost. The same body keeps
   * the job's request id, across clicks too, until an order is made (a refusal stored nothing
   * under it); a changed body is a new job — if the lost one did make an order, the server says
   * `already_converted`.
   */
  async send(
    api: FlowApi,
    body: CheckoutRequest,
    sleep: (ms: number) => Promise<void>,
    delays = LOST_ANSWER_RETRIES,
  ): Promise<CheckoutResult> {
    const key = JSON.stringify(body);
    const job = this.#last?.body === key ? this.#last : (this.#last = { requestId: nanoid(), body: key });
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await api.checkout(body, { requestId: job.requestId });
        this.#last = null;
        return result;
      } catch (error) {
        // No answer (the transport's OUTCOME_UNKNOWN): the order may have been made, so ask again.
        // A 2xx that cannot be read is not retried here; its request id stays for the next click.
        if (!(error instanceof ApiError && error.code === 'OUTCOME_UNKNOWN') || attempt >= delays.length) throw error;
        await sleep(delays[attempt]!);
      }
    }
  }
}

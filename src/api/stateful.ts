// What a stateful request (the cart, checkout, orders, the account: anything with a token) adds to
// the transport's job (transport.ts): its id and tokens, the header set of the negotiated mode and
// the negotiation itself (headers.ts, loaded when a request first gets no HTTP response), the
// sensitive class's rules, a 409 refusal read as such, and the lost POST's `OUTCOME_UNKNOWN`. A
// page whose first paint only reads the catalogue never loads this module.
import { nanoid } from 'nanoid';
import { ApiError, CheckoutRejection } from './errors.js';
import { defaultStorage, headersFor, MODE_KEY, storedUntil, type HeaderMode } from './header-set.js';
import type { Negotiator } from './headers.js';
import { classOf } from './limiter.js';
import { str, strN, type WireObject } from './normalize/primitives.js';
import type { Attempt, StatefulRequests, TransportOptions } from './transport-types.js';

/** A 409 domain refusal (`{rejection, message, …}`) from checkout, capture or a converted cart's mutation. */
export function refusalOf(envelope: WireObject, requestId: string | null): CheckoutRejection | undefined {
  if (typeof envelope.rejection !== 'string') return undefined;
  const list = <T>(value: unknown) => (Array.isArray(value) ? (value as T[]) : []);
  return new CheckoutRejection(
    envelope.rejection,
    str(envelope.message, envelope.rejection),
    list(envelope.priceChanges),
    list(envelope.stockIssues),
    requestId,
    strN(envelope.orderId),
  );
}

export function statefulRequests(options: TransportOptions, attempt: Attempt, readAt: () => number): StatefulRequests {
  const origin = (() => {
    try {
      return new URL(options.base).origin;
    } catch {
      return options.base;
    }
  })();
  // The negotiator (headers.ts) is loaded with the first stateful request that gets no HTTP
  // response; until then the remembered choice is read here.
  const now = options.negotiation?.now ?? (() => Date.now());
  const storage = options.negotiation?.storage === undefined ? defaultStorage() : options.negotiation.storage;
  let negotiator: Negotiator | undefined;
  let loading: Promise<Negotiator> | undefined;
  const modeNow = (): HeaderMode =>
    negotiator ? negotiator.mode() : storedUntil(storage, MODE_KEY + origin, now()) > now() ? 'official' : 'documented';
  const failed = (wasCartRead: boolean): Promise<boolean> =>
    (loading ??= import('./headers.js').then(
      (headersModule) =>
        (negotiator = headersModule.createNegotiator({
          ...options.negotiation,
          storage,
          origin,
          readAt: readAt(),
          // The negotiation's test requests: `GET /` (simple) and `GET /cart` with one header set.
          test: async (kind, mode) => {
            const stateful = kind === 'cart';
            const headers = headersFor(stateful, mode, {
              locale: options.locale,
              publicKey: options.publicKey,
              requestId: stateful ? nanoid() : null,
              cartToken: stateful ? await options.cartToken() : null,
              customerToken: null,
              hasBody: false,
            });
            const [res] = await attempt(
              stateful ? 'GET /cart' : 'GET /',
              options.base + (stateful ? '/cart' : ''),
              { method: 'GET', headers },
              {},
            );
            return !!res;
          },
        })),
    )).then(
      (loaded) => loaded.failed(wasCartRead),
      () => ((loading = undefined), false), // the module did not load (offline): a plain failure
    );

  return {
    sawRead: () => negotiator?.sawRead(),
    refusal: refusalOf,
    async begin(endpoint, request, hasBody) {
      const requestId = request.requestId ?? nanoid();
      const input = {
        locale: options.locale,
        publicKey: options.publicKey,
        requestId,
        cartToken: await options.cartToken(),
        customerToken: (await options.customerToken?.()) || null,
        hasBody,
      };
      let mode = modeNow();
      let resent = false;
      return {
        requestId,
        sensitive: classOf(endpoint) === 'sensitive',
        headers: () => headersFor(true, mode, input),
        async resend() {
          if (mode !== 'documented' || resent || !(await failed(endpoint === 'GET /cart'))) return false;
          mode = 'official';
          resent = true;
          return true;
        },
        outcomeUnknown: (answer) =>
          new ApiError(
            answer.status,
            'OUTCOME_UNKNOWN',
            `${endpoint}: ${answer.code}, outcome unknown (read the cart)`,
            [],
            requestId,
          ),
      };
    },
  };
}

// The shapes every part of the contract shares: a paged list and a field error. The types of the
// API are split by domain (store-, catalog-, cart-, checkout-, order-, address-lookup-, review- and
// account-types.ts); index.ts re-exports them all.

// Every shape of the Shoprocket v3 Public API as /shared/api-contract.md defines it, as the client
// hands it on. Money is an integer in minor units; timestamps are ISO-8601 strings.
//
// The live wire leaves many fields out (the contract's `field?`). The client normalizes every answer
// at the edge (the normalize-*.ts modules): a field marked "normalized" in these types is always
// present, filled with the contract's default when the server left it out, so views and the store
// never guess. Fields still marked `?` are informational and may be missing. Unknown fields are
// dropped or ignored.

export interface FieldError {
  field: string;
  message: string;
  /** A machine-readable why, when the server gives one (the reference store's refused login codes: `wrong`, `expired`, `locked`). */
  reason?: string;
}

export interface ListMeta {
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
}
export interface List<T, M = ListMeta> {
  data: T[];
  meta: M;
}

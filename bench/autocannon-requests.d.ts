// Per-request hooks of autocannon's programmatic API used by bench/monitoring.ts (merged into the
// declarations of bench/autocannon.d.ts; the package ships no types).
declare module 'autocannon' {
  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Copied per connection (autocannon deep-clones its options per client). */
    [key: string]: unknown;
  }
  export interface Request extends RequestParams {
    setupRequest?: (req: RequestParams, context: Record<string, unknown>) => RequestParams;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }
  export interface Options {
    requests?: Request[];
    timeout?: number;
  }
  export interface Result {
    mismatches: number;
    resets: number;
    statusCodeStats?: Record<string, { count: number }>;
  }
}

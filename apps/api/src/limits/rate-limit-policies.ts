/** The rate-limit policies and their defaults (see rate-limit.ts); dependency-free, so env.ts can read them. */
export interface RateLimitPolicy {
  /** Requests a minute, sustained; also the burst a full bucket allows. */
  perMinute: number;
}

export interface RateLimitSettings {
  /** Per API key, or per signed-in user. */
  actor: RateLimitPolicy;
  /** Per partner: all its keys and users together. */
  partner: RateLimitPolicy;
  /** Requests without credentials, per IP address. */
  anonymous: RateLimitPolicy;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  actor: { perMinute: 300 },
  partner: { perMinute: 1_200 },
  anonymous: { perMinute: 60 },
};

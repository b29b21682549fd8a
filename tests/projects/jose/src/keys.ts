import type { JWK } from "jose";

// Test-only keys, fixed so that the Worker's answers are deterministic.
export const HS256_SECRET = "isolet-projects-hs256-secret-0123456789";

export const ES256_PRIVATE_JWK: JWK = {
  kty: "EC",
  crv: "P-256",
  x: "cxSFpH0u1UhedWYSm4T8dHYAXmsRg-Qa756KFk2Q-NA",
  y: "TGei1aKD0leb6lJEOHkuZPb3e6eL0MhkQSRcxUOMCAE",
  d: "wDEO7YUPBOPc-3RtAFnVMr_Kc87kk6QClXKIgTffBdQ",
};

export const ES256_PUBLIC_JWK = {
  kty: "EC",
  crv: "P-256",
  x: ES256_PRIVATE_JWK.x!,
  y: ES256_PRIVATE_JWK.y!,
} as const satisfies JWK;

// 2026-01-01T00:00:00Z: every token is issued at this instant and lives one hour.
export const ISSUED_AT = 1767225600;
export const LIFETIME_S = 3600;

import {
  CompactEncrypt,
  SignJWT,
  calculateJwkThumbprint,
  compactDecrypt,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  importJWK,
  jwtVerify,
} from "jose";
import type { JWTPayload, JWTVerifyResult } from "jose";
import { ES256_PRIVATE_JWK, ES256_PUBLIC_JWK, HS256_SECRET, ISSUED_AT, LIFETIME_S } from "./keys";

interface Env {
  ISSUER: string;
  AUDIENCE: string;
}

interface Claims extends JWTPayload {
  role: "admin" | "reader";
}

type Handler = (request: Request, env: Env, url: URL) => Promise<Response>;

const secret = new TextEncoder().encode(HS256_SECRET);

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

class Unauthorized extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function bearer(request: Request): string {
  const header = request.headers.get("authorization");
  if (!header?.startsWith("Bearer ")) {
    throw new Unauthorized("ERR_NO_TOKEN", "missing bearer token");
  }
  return header.slice("Bearer ".length);
}

// The verifier's clock: ten minutes after issue unless ?at=<unix seconds> says otherwise.
function clock(url: URL): Date {
  const at = url.searchParams.get("at");
  return new Date((at === null ? ISSUED_AT + 600 : Number(at)) * 1000);
}

async function issue(env: Env, sub: string, role: Claims["role"]): Promise<string> {
  return new SignJWT({ role } satisfies Partial<Claims>)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuer(env.ISSUER)
    .setAudience(env.AUDIENCE)
    .setIssuedAt(ISSUED_AT)
    .setExpirationTime(ISSUED_AT + LIFETIME_S)
    .setJti(`${sub}-${role}`)
    .sign(secret);
}

const routes: Record<string, Handler> = {
  "POST /token": async (request, env) => {
    const body = (await request.json()) as { sub?: string; role?: Claims["role"] };
    if (!body.sub || (body.role !== "admin" && body.role !== "reader")) {
      return json({ error: "sub and role (admin|reader) are required" }, 400);
    }
    return json({ token: await issue(env, body.sub, body.role) }, 201);
  },
  "GET /me": async (request, env, url) => {
    const result: JWTVerifyResult<Claims> = await jwtVerify<Claims>(bearer(request), secret, {
      issuer: env.ISSUER,
      audience: url.searchParams.get("aud") ?? env.AUDIENCE,
      algorithms: ["HS256"],
      currentDate: clock(url),
    });
    return json({ payload: result.payload, protectedHeader: result.protectedHeader });
  },
  "GET /admin": async (request, env, url) => {
    const { payload } = await jwtVerify<Claims>(bearer(request), secret, {
      issuer: env.ISSUER,
      audience: env.AUDIENCE,
      currentDate: clock(url),
    });
    if (payload.role !== "admin") {
      return json({ error: `role ${payload.role} may not see this` }, 403);
    }
    return json({ welcome: payload.sub });
  },
  "GET /decode": async (request) => {
    const token = bearer(request);
    return json({ header: decodeProtectedHeader(token), claims: decodeJwt(token) });
  },
  "GET /es256/verify": async (request, env, url) => {
    const key = await importJWK(ES256_PUBLIC_JWK, "ES256");
    const { payload, protectedHeader } = await jwtVerify(bearer(request), key, {
      issuer: env.ISSUER,
      algorithms: ["ES256"],
      currentDate: clock(url),
    });
    return json({ payload, protectedHeader });
  },
  "GET /es256/roundtrip": async (_request, env, url) => {
    // ECDSA signatures are randomised: answer with what verification found, not the token.
    const privateKey = await importJWK(ES256_PRIVATE_JWK, "ES256");
    const publicKey = await importJWK(ES256_PUBLIC_JWK, "ES256");
    const token = await new SignJWT({ scope: "roundtrip" })
      .setProtectedHeader({ alg: "ES256", kid: await calculateJwkThumbprint(ES256_PUBLIC_JWK) })
      .setIssuer(env.ISSUER)
      .setIssuedAt(ISSUED_AT)
      .setExpirationTime(ISSUED_AT + LIFETIME_S)
      .sign(privateKey);
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, { currentDate: clock(url) });
    return json({ segments: token.split(".").length, signatureLength: token.split(".")[2]!.length, payload, protectedHeader });
  },
  "GET /jwk/thumbprint": async () => {
    return json({
      sha256: await calculateJwkThumbprint(ES256_PUBLIC_JWK),
      sha384: await calculateJwkThumbprint(ES256_PUBLIC_JWK, "sha384"),
    });
  },
  "POST /jwe/roundtrip": async (request) => {
    // AES-GCM uses a random IV: answer with the decrypted text and the header only.
    const plaintext = await request.text();
    const key = await crypto.subtle.digest("SHA-256", secret);
    const jwe = await new CompactEncrypt(new TextEncoder().encode(plaintext))
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .encrypt(new Uint8Array(key));
    const { plaintext: decrypted, protectedHeader } = await compactDecrypt(jwe, new Uint8Array(key));
    return json({ parts: jwe.split(".").length, protectedHeader, plaintext: new TextDecoder().decode(decrypted) });
  },
};

export default {
  async fetch(request, env): Promise<Response> {
    const url = new URL(request.url);
    const handler = routes[`${request.method} ${url.pathname}`];
    if (handler === undefined) {
      return json({ error: "not found" }, 404);
    }
    try {
      return await handler(request, env, url);
    } catch (err) {
      if (err instanceof Unauthorized) {
        return json({ code: err.code, message: err.message }, 401);
      }
      if (err instanceof errors.JOSEError) {
        const detail: Record<string, unknown> = { code: err.code, name: err.name, message: err.message };
        if (err instanceof errors.JWTClaimValidationFailed || err instanceof errors.JWTExpired) {
          detail.claim = err.claim;
          detail.reason = err.reason;
        }
        return json(detail, 401);
      }
      const error = err as Error;
      return json({ error: "internal", name: error.name, message: error.message }, 500);
    }
  },
} satisfies ExportedHandler<Env>;

// The boundary contract: every op the runtime JS may call, with its
// arguments and result. Python ops live in isolet/runtime/ops/<area>.py;
// tests/unit/runtime/test_ops_contract.py checks this list against the registry.
// Async ops (on the host's asyncio loop) return a Promise; the rest run
// synchronously on the isolate thread. JS null/undefined reach Python as
// pydeno's undefined sentinel.

declare namespace IsoletOps {
  // compression  (isolet/runtime/ops/compression.py)
  function op_compression_close(rid: number): void;
  function op_compression_create(fmt: string, decompress: boolean, strict: boolean): number;
  function op_compression_finish(rid: number): Uint8Array;
  function op_compression_write(rid: number, chunk: Uint8Array): Uint8Array;
  // console  (isolet/runtime/ops/console.py)
  function op_console_write(level: string, text: string): void;
  // crypto  (isolet/runtime/ops/crypto.py)
  function op_crypto_decrypt(key: Record<string, unknown>, params: Record<string, unknown>, data: Uint8Array): Uint8Array;
  function op_crypto_derive_bits(key: Record<string, unknown>, params: Record<string, unknown>, length: number): Uint8Array;
  function op_crypto_digest(name: string, data: Uint8Array): Uint8Array;
  function op_crypto_digest_stream_close(handle: number, chunks: Uint8Array[]): Uint8Array;
  function op_crypto_digest_stream_drop(handle: number): void;
  function op_crypto_digest_stream_open(name: string): number;
  function op_crypto_digest_stream_write(handle: number, chunks: Uint8Array[]): void;
  function op_crypto_encrypt(key: Record<string, unknown>, params: Record<string, unknown>, data: Uint8Array): Uint8Array;
  function op_crypto_export_key(fmt: string, key_type: string, der: Uint8Array): unknown;
  function op_crypto_generate_key_pair(name: string, params: Record<string, unknown>): Record<string, unknown>;
  function op_crypto_import_key(name: string, fmt: string, data: unknown, named_curve: string): Record<string, unknown>;
  function op_crypto_sign(key: Record<string, unknown>, params: Record<string, unknown>, data: Uint8Array): Uint8Array;
  function op_crypto_timing_safe_equal(a: Uint8Array, b: Uint8Array): boolean;
  function op_crypto_verify(key: Record<string, unknown>, params: Record<string, unknown>, signature: Uint8Array, data: Uint8Array): boolean;
  // dispatch  (isolet/runtime/ops/dispatch.py)
  function op_dispatch_body_close(rid: number, error: string | null): void;
  function op_dispatch_body_read(rid: number): Promise<Uint8Array | null>;
  function op_dispatch_body_write(rid: number, chunk: Uint8Array): Promise<boolean>;
  function op_dispatch_done(rid: number): void;
  function op_dispatch_log_exception(rid: number | null, stack: string): void;
  // [JSON text of the events, blobs]: a bytes field (a fetch event's body, a ws event's data) holds its index in blobs (runtime/host.py wire_batch).
  function op_dispatch_next(probe: boolean): Promise<[string, Uint8Array[]] | null>;
  function op_dispatch_respond(rid: number, status: number, statusText: string, headers: [string, string][], body: Uint8Array | null, streamed: boolean, done: boolean, websocket?: boolean): number | null;
  function op_dispatch_thread(): void;
  function op_dispatch_wake(): void;
  // encoding  (isolet/runtime/ops/encoding.py)
  function op_encoding_decode(name: string, data: Uint8Array, fatal: boolean, final: boolean, state: unknown): unknown[] | null;
  function op_encoding_encode(text: string): Uint8Array;
  function op_encoding_table(name: string): string | null;
  // fetch  (isolet/runtime/ops/fetch.py)
  function op_fetch_abort(fid: number): void;
  function op_fetch_read(fid: number): Promise<Uint8Array | null | {error: [string, string]}>;
  function op_fetch_send(fid: number): Promise<{status: number, statusText: string, headers: [string, string][], body: Uint8Array | null, done: boolean} | {error: [string, string]}>;
  function op_fetch_start(method: string, url: string, headers: [string, string][], body: Uint8Array | null, streamed: boolean, length: number | null, decode: "manual" | "gzip" | "gzip-br", requestId: number | null): number;
  function op_fetch_write(fid: number, chunk: Uint8Array | null): Promise<boolean>;
  // kv  (isolet/runtime/ops/kv.py)
  function op_kv_delete(name: string, key: string): Promise<null>;
  function op_kv_get(name: string, key: string, cache_ttl: unknown, stream: boolean): Promise<unknown[] | null>;
  function op_kv_get_bulk(name: string, keys: string[], type_: unknown, cache_ttl: unknown): Promise<unknown[][]>;
  function op_kv_list(name: string, prefix: unknown, limit: unknown, cursor: unknown): Promise<unknown[]>;
  function op_kv_put(name: string, key: string, value: Uint8Array, expiration: unknown, expiration_ttl: unknown, metadata: unknown): Promise<null>;
  function op_kv_put_abort(name: string, rid: number): void;
  function op_kv_put_commit(name: string, rid: number): Promise<null>;
  function op_kv_put_open(name: string, key: string, expiration: unknown, expiration_ttl: unknown, metadata: unknown, size: unknown): number;
  function op_kv_put_write(name: string, rid: number, chunk: Uint8Array): Promise<null>;
  function op_kv_read(name: string, rid: number): Promise<Uint8Array | null>;
  function op_kv_read_close(name: string, rid: number): void;
  // nodecrypto  (isolet/runtime/ops/node_crypto.py)
  function op_nodecrypto_cipher_drop(rid: number): void;
  function op_nodecrypto_cipher_final(rid: number): [Uint8Array, Uint8Array];
  function op_nodecrypto_cipher_open(mode: "cbc" | "ecb" | "ctr" | "ofb" | "gcm", key: Uint8Array, iv: Uint8Array, decrypt: boolean): number;
  function op_nodecrypto_cipher_set(rid: number, what: "aad" | "tag" | "padding", value: Uint8Array | boolean): void;
  function op_nodecrypto_cipher_update(rid: number, data: Uint8Array): Uint8Array;
  // key: the HMAC key, or undefined for a plain hash
  function op_nodecrypto_digest(name: string, key: Uint8Array | undefined, data: Uint8Array | Uint8Array[]): Uint8Array;
  function op_nodecrypto_hash_copy(rid: number, chunks: Uint8Array[]): number;
  function op_nodecrypto_hash_digest(rid: number, chunks: Uint8Array[]): Uint8Array;
  function op_nodecrypto_hash_drop(rid: number): void;
  function op_nodecrypto_hash_open(name: string, key: Uint8Array | undefined, chunks: Uint8Array[]): number;
  function op_nodecrypto_hash_update(rid: number, chunks: Uint8Array[]): void;
  function op_nodecrypto_hkdf(digest: string, ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  function op_nodecrypto_pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, keylen: number, digest: string): Uint8Array;
  function op_nodecrypto_scrypt(password: Uint8Array, salt: Uint8Array, n: number, r: number, p: number, maxmem: number, keylen: number): Uint8Array;
  // nodezlib  (isolet/runtime/ops/node_zlib.py); a failure is [message, code, errno]
  function op_nodezlib_close(rid: number): void;
  function op_nodezlib_crc32(data: Uint8Array, value: number): number;
  function op_nodezlib_open(mode: number, opts: Record<string, unknown>): number;
  function op_nodezlib_sync(mode: number, data: Uint8Array, opts: Record<string, unknown>): Uint8Array | [string, string, number];
  function op_nodezlib_write(rid: number, chunks: Uint8Array[], flush: number): Uint8Array | [string, string, number];
  // random  (isolet/runtime/ops/random.py)
  function op_random_bytes(n: number): Uint8Array;
  // timers  (isolet/runtime/ops/timers.py)
  function op_timers_cancel(timer_id: number): void;
  function op_timers_sleep(timer_id: number, ms: number): Promise<boolean>;
  // url  (isolet/runtime/ops/url.py)
  function op_url_parse(url: string, base: unknown): unknown[] | null;
  function op_url_set(href: string, setter: number, value: string): unknown[] | null;
  // ws  (isolet/runtime/ops/websocket.py)
  function op_ws_close(id: number, code: number, reason: string): void;
  // A fetched socket (op_ws_create with headers) the origin refused resolves without protocol, with body.
  function op_ws_connect(id: number): Promise<{protocol?: string | null, extensions?: string | null, status: number, statusText: string, headers: [string, string][], body?: Uint8Array}>;
  // requestId (with headers): the request whose code made the fetch, charged the subrequest.
  function op_ws_create(url: string, protocols: string[] | null, headers?: [string, string][], requestId?: number | null): number;
  function op_ws_payload(id: number, offset: number): {data: string | Uint8Array, next: number | null};
  function op_ws_send(id: number, data: string | Uint8Array, more?: boolean): void;
}

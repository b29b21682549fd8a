import { Buffer as NodeBuffer } from "node:buffer";
import { AsyncLocalStorage } from "node:async_hooks";
import crypto, { createHash, createHmac, pbkdf2Sync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { EventEmitter, once } from "node:events";
import path from "node:path";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import util, { format, inspect, promisify } from "node:util";
import zlib from "node:zlib";

function json(body, status = 200) {
  return new Response(JSON.stringify(body, null, 2) + "\n", {
    status,
    headers: { "content-type": "application/json" },
  });
}

function caught(fn) {
  try {
    return { threw: false, value: fn() };
  } catch (err) {
    return { threw: true, name: err.name, code: err.code ?? null, message: err.message };
  }
}

const tick = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- AsyncLocalStorage: one store per request, kept across awaits --------------
const requestContext = new AsyncLocalStorage();

function currentId() {
  return requestContext.getStore()?.id ?? null;
}

async function step(label, delayMs) {
  const seen = [currentId()];
  await tick(delayMs);
  seen.push(currentId());
  await Promise.resolve();
  seen.push(currentId());
  await crypto.subtle.digest("SHA-256", new TextEncoder().encode(label));
  seen.push(currentId());
  return `${label}:${seen.join(",")}`;
}

async function als(request) {
  const atStart = currentId();
  // Concurrent copies of this request (x-copy: 0, 1, ...) wait different times so that they interleave.
  await tick(((Number(request.headers.get("x-copy") ?? 0) * 7) % 5) * 2);
  const afterWait = currentId();
  // Three "requests" interleave; each must keep seeing its own store.
  const concurrent = await Promise.all(
    ["a", "b", "c"].map((id, i) => requestContext.run({ id }, () => step(id, (3 - i) * 5))),
  );
  const nested = await requestContext.run({ id: "outer" }, async () => {
    const inner = await requestContext.run({ id: "inner" }, async () => {
      await tick(1);
      return currentId();
    });
    await tick(1);
    return { inner, outer: currentId() };
  });
  const exited = requestContext.run({ id: "x" }, () => requestContext.exit(() => currentId()));
  const emitter = new EventEmitter();
  const fromListener = new Promise((resolve) => emitter.once("ping", () => resolve(currentId())));
  requestContext.run({ id: "emitter" }, () => emitter.emit("ping"));
  const bound = requestContext.run({ id: "bound" }, () => AsyncLocalStorage.bind(() => currentId()));
  return { atStart, afterWait, concurrent, nested, exited, listener: await fromListener, bound: bound(), after: currentId() };
}

// ---- Buffer ----------------------------------------------------------------
function buffer() {
  const hello = Buffer.from("héllo wörld", "utf8");
  const num = Buffer.alloc(8);
  num.writeUInt32BE(0xdeadbeef, 0);
  num.writeInt16LE(-2, 4);
  num.writeUInt16BE(513, 6);
  return {
    globalIsModule: globalThis.Buffer === NodeBuffer,
    isBuffer: Buffer.isBuffer(hello),
    isUint8Array: hello instanceof Uint8Array,
    length: hello.length,
    byteLength: Buffer.byteLength("héllo wörld"),
    hex: hello.toString("hex"),
    base64: hello.toString("base64"),
    base64url: Buffer.from([251, 255, 191]).toString("base64url"),
    latin1: Buffer.from("caf\u00e9", "latin1").toString("hex"),
    fromBase64: Buffer.from("aXNvbGV0IHJ1bnMgbm9kZQ==", "base64").toString(),
    fromHex: Buffer.from("48656c6c6f", "hex").toString("utf8"),
    concat: Buffer.concat([Buffer.from("ab"), Buffer.from("cd"), Buffer.from("ef")], 5).toString(),
    slice: hello.subarray(0, 6).toString(),
    indexOf: hello.indexOf("wörld"),
    includes: hello.includes("llo"),
    equals: Buffer.from("abc").equals(Buffer.from([97, 98, 99])),
    compare: [Buffer.compare(Buffer.from("a"), Buffer.from("b")), Buffer.from("b").compare(Buffer.from("a"))],
    numbers: { hex: num.toString("hex"), u32: num.readUInt32BE(0), i16: num.readInt16LE(4), u16: num.readUInt16BE(6) },
    json: Buffer.from([1, 2, 3]).toJSON(),
    inspect: inspect(Buffer.from("buf")),
    fill: Buffer.alloc(5, "ab").toString(),
    swap: Buffer.from([1, 2, 3, 4]).swap16().toString("hex"),
    badEncoding: caught(() => Buffer.from("x", "no-such-encoding")),
  };
}

// ---- node:crypto -----------------------------------------------------------
function nodeCrypto() {
  const uuid = randomUUID();
  const a = Buffer.from("same secret");
  return {
    sha256: createHash("sha256").update("hello ").update("world").digest("hex"),
    sha1Base64: createHash("sha1").update(Buffer.from("hello world")).digest("base64"),
    md5: createHash("md5").update("hello world").digest("hex"),
    sha512Length: createHash("sha512").update("").digest().length,
    hmac: createHmac("sha256", "key").update("The quick brown fox jumps over the lazy dog").digest("hex"),
    pbkdf2: pbkdf2Sync("password", "salt", 1000, 32, "sha256").toString("hex"),
    uuidFormat: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid),
    randomBytesLength: randomBytes(24).length,
    timingSafeEqual: [timingSafeEqual(a, Buffer.from("same secret")), timingSafeEqual(a, Buffer.from("same secreT"))],
    timingSafeEqualLength: caught(() => timingSafeEqual(Buffer.from("a"), Buffer.from("ab"))),
    unknownHash: caught(() => createHash("no-such-hash")),
    webcrypto: crypto.webcrypto.subtle === globalThis.crypto.subtle,
  };
}

// ---- node:events -----------------------------------------------------------
async function events() {
  const log = [];
  const emitter = new EventEmitter();
  emitter.on("greet", (name) => log.push(`on:${name}`));
  emitter.prependListener("greet", (name) => log.push(`first:${name}`));
  emitter.once("greet", (name) => log.push(`once:${name}`));
  emitter.emit("greet", "a");
  emitter.emit("greet", "b");
  const counts = { greet: emitter.listenerCount("greet"), names: emitter.eventNames() };
  const unhandled = caught(() => emitter.emit("error", new Error("no listener for me")));
  setTimeout(() => emitter.emit("ready", 42, "x"), 1);
  const args = await once(emitter, "ready");
  return { log, counts, unhandled, onceArgs: args, defaultMaxListeners: EventEmitter.defaultMaxListeners };
}

// ---- node:util -------------------------------------------------------------
async function utilities() {
  const legacy = (x, cb) => setTimeout(() => (x < 0 ? cb(new Error("negative")) : cb(null, x * 2)), 1);
  const doubled = promisify(legacy);
  return {
    format: [
      format("%s is %d years and %i days", "isolet", 1.5, 42.9),
      format("%j / %o", { a: 1 }, [1]),
      format("%%s %s", "literal", "extra", 3),
      util.format("%O", { nested: { deep: { deeper: { deepest: 1 } } } }),
    ],
    inspect: [
      inspect({ a: [1, 2, { b: "c" }], m: new Map([["k", 1]]), s: new Set([1]), d: null, u: undefined }),
      inspect("quoted 'string'"),
      inspect({ deep: { er: { est: { hidden: true } } } }, { depth: 1 }),
      inspect([1, 2, 3], { compact: false }),
      inspect(new Error("boom")).split("\n")[0],
      inspect(class Foo {}),
      inspect(Symbol("sym")),
      inspect(123456789n),
    ],
    promisified: await doubled(21),
    promisifiedError: await doubled(-1).catch((err) => err.message),
    types: [util.types.isDate(new Date(0)), util.types.isPromise(Promise.resolve()), util.types.isRegExp(/x/)],
    deepEqual: [util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual({ a: 1 }, { a: "1" })],
  };
}

// ---- node:path -------------------------------------------------------------
function paths() {
  return {
    join: path.join("/srv", "app", "..", "static", "./css/site.css"),
    resolve: path.resolve("/var/www", "./html", "index.html"),
    relative: path.relative("/a/b/c", "/a/d"),
    normalize: path.normalize("/x//y/../z/."),
    basename: [path.basename("/p/file.tar.gz"), path.basename("/p/file.tar.gz", ".gz")],
    dirname: path.dirname("/p/q/r.txt"),
    extname: [path.extname("index.html"), path.extname(".profile"), path.extname("a.b.c")],
    parse: path.parse("/home/user/notes.md"),
    format: path.format({ dir: "/tmp", name: "out", ext: ".log" }),
    isAbsolute: [path.isAbsolute("/x"), path.isAbsolute("x")],
    sep: path.sep,
    posixIsPath: path.posix.join("a", "b") === path.join("a", "b"),
  };
}

// ---- node:zlib -------------------------------------------------------------
// Compressed bytes differ between zlib builds, so only headers and round trips are compared.
const FIXED_DEFLATE = "eJzLLM7PSS1RKCrNK1bIy09JBQA2EwY/";

function compression() {
  const text = "isolet ".repeat(200);
  const gz = zlib.gzipSync(text);
  const deflated = zlib.deflateSync(Buffer.from(text), { level: 9 });
  const raw = zlib.deflateRawSync(text);
  return {
    gzipMagic: gz.subarray(0, 3).toString("hex"),
    gzipSmaller: gz.length < text.length,
    gunzip: zlib.gunzipSync(gz).toString() === text,
    inflate: zlib.inflateSync(deflated).toString() === text,
    inflateRaw: zlib.inflateRawSync(raw).toString() === text,
    unzip: zlib.unzipSync(gz).toString() === text,
    fixed: zlib.inflateSync(Buffer.from(FIXED_DEFLATE, "base64")).toString(),
    brotli: zlib.brotliDecompressSync(zlib.brotliCompressSync(text)).toString() === text,
    corrupt: caught(() => zlib.gunzipSync(Buffer.from("not gzip at all"))),
    constants: [zlib.constants.Z_BEST_COMPRESSION, zlib.constants.Z_SYNC_FLUSH],
  };
}

// ---- node:stream -----------------------------------------------------------
class Upper extends Transform {
  _transform(chunk, _encoding, callback) {
    callback(null, chunk.toString().toUpperCase());
  }
}

async function streams() {
  const piped = await new Promise((resolve, reject) => {
    const chunks = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    sink.on("finish", () => resolve(chunks));
    sink.on("error", reject);
    Readable.from(["alpha", "beta", "gamma"]).pipe(new Upper()).pipe(sink);
  });
  const collected = [];
  await pipeline(
    Readable.from(["x", "y", "z"]),
    new Transform({
      objectMode: true,
      transform(chunk, _encoding, callback) {
        callback(null, `<${chunk}>`);
      },
    }),
    async function* (source) {
      for await (const chunk of source) {
        collected.push(chunk.toString());
        yield chunk;
      }
    },
    new Writable({ objectMode: true, write: (_chunk, _enc, cb) => cb() }),
  );
  const iterated = [];
  for await (const chunk of Readable.from([1, 2, 3])) {
    iterated.push(chunk * 10);
  }
  const failed = await pipeline(
    Readable.from(["ok"]),
    new Transform({ transform: (_c, _e, cb) => cb(new Error("transform failed")) }),
    new Writable({ write: (_c, _e, cb) => cb() }),
  ).then(
    () => "no error",
    (err) => err.message,
  );
  return { piped, collected, iterated, failed };
}

// A Node Readable becomes a web ReadableStream response body.
function streamed() {
  const body = Readable.toWeb(Readable.from(["streamed ", "from ", "node:stream\n"]).pipe(new Upper()));
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}

const routes = {
  "/als": als,
  "/buffer": buffer,
  "/crypto": nodeCrypto,
  "/events": events,
  "/util": utilities,
  "/path": paths,
  "/zlib": compression,
  "/stream": streams,
};

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname === "/stream/body") {
      return streamed();
    }
    const route = routes[pathname];
    if (route === undefined) {
      return json({ error: "not found", routes: Object.keys(routes) }, 404);
    }
    const copy = request.headers.get("x-copy");
    const id = copy === null ? `request ${pathname}` : `request ${pathname} #${copy}`;
    return requestContext.run({ id }, async () => {
      const result = await route(request);
      return json({ ...result, store: currentId() });
    });
  },
};

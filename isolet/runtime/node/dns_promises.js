// node:dns/promises — the module's shape as in workerd, without name
// resolution: every lookup/resolve/reverse rejects with an Error naming the
// function ("node:dns/promises lookup is not implemented in isolet", code
// ERR_METHOD_NOT_IMPLEMENTED). workerd answers these over DNS-over-HTTPS; the
// issue allows a clear error instead. getServers/getDefaultResultOrder and
// the constants are workerd's values.
import internals from "isolet-internal:internals";
import { notImplemented, resolverClass } from "isolet-internal:node/dns";

export const NODATA = "ENODATA";
export const FORMERR = "EFORMERR";
export const SERVFAIL = "ESERVFAIL";
export const NOTFOUND = "ENOTFOUND";
export const NOTIMP = "ENOTIMP";
export const REFUSED = "EREFUSED";
export const BADQUERY = "EBADQUERY";
export const BADNAME = "EBADNAME";
export const BADFAMILY = "EBADFAMILY";
export const BADRESP = "EBADRESP";
export const CONNREFUSED = "ECONNREFUSED";
export const TIMEOUT = "ETIMEOUT";
export const EOF = "EOF";
export const FILE = "EFILE";
export const NOMEM = "ENOMEM";
export const DESTRUCTION = "EDESTRUCTION";
export const BADSTR = "EBADSTR";
export const BADFLAGS = "EBADFLAGS";
export const NONAME = "ENONAME";
export const BADHINTS = "EBADHINTS";
export const NOTINITIALIZED = "ENOTINITIALIZED";
export const LOADIPHLPAPI = "ELOADIPHLPAPI";
export const ADDRGETNETWORKPARAMS = "EADDRGETNETWORKPARAMS";
export const CANCELLED = "ECANCELLED";
export const ADDRCONFIG = 1024;
export const V4MAPPED = 2048;
export const ALL = 256;

const rejecting = (name) => ({ [name]: async (..._args) => { throw notImplemented("node:dns/promises", name); } })[name];

export const lookup = rejecting("lookup");
export const lookupService = rejecting("lookupService");
export const resolve = rejecting("resolve");
export const resolve4 = rejecting("resolve4");
export const resolve6 = rejecting("resolve6");
export const resolveAny = rejecting("resolveAny");
export const resolveCaa = rejecting("resolveCaa");
export const resolveCname = rejecting("resolveCname");
export const resolveMx = rejecting("resolveMx");
export const resolveNaptr = rejecting("resolveNaptr");
export const resolveNs = rejecting("resolveNs");
export const resolvePtr = rejecting("resolvePtr");
export const resolveSoa = rejecting("resolveSoa");
export const resolveSrv = rejecting("resolveSrv");
export const resolveTxt = rejecting("resolveTxt");
export const reverse = rejecting("reverse");

// workerd's resolvers (Cloudflare's public DNS).
export function getServers() {
  return ["1.1.1.1", "2606:4700:4700::1111", "1.0.0.1", "2606:4700:4700::1001"];
}

export function setServers(_servers) {
  throw new Error("Not implemented");
}

let resultOrder = "verbatim";

export function getDefaultResultOrder() {
  return resultOrder;
}

export function setDefaultResultOrder(order) {
  resultOrder = order;
}

export const Resolver = resolverClass(rejecting, getServers, setServers);

const defaultExport = {
  reverse, resolveTxt, resolveCaa, resolveMx, resolveCname, resolveNs, resolvePtr, resolveSrv, resolveSoa,
  resolveNaptr, resolve4, resolve6, getServers, setServers, getDefaultResultOrder, setDefaultResultOrder,
  lookup, lookupService, resolve, resolveAny, Resolver, NODATA, FORMERR, SERVFAIL, NOTFOUND, NOTIMP, REFUSED,
  BADQUERY, BADNAME, BADFAMILY, BADRESP, CONNREFUSED, TIMEOUT, EOF, FILE, NOMEM, DESTRUCTION, BADSTR, BADFLAGS,
  NONAME, BADHINTS, NOTINITIALIZED, LOADIPHLPAPI, ADDRGETNETWORKPARAMS, CANCELLED,
};

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("dns/promises", defaultExport);

export default defaultExport;

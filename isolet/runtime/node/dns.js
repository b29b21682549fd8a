// node:dns — the module's shape as in workerd, without name resolution:
// each lookup/resolve/reverse function reports an Error naming itself
// ("node:dns lookup is not implemented in isolet", code
// ERR_METHOD_NOT_IMPLEMENTED) — to its callback (on a later microtask) when
// the last argument is a function, else by throwing. `promises` is
// node:dns/promises. workerd answers these over DNS-over-HTTPS; the issue
// allows a clear error instead.
import internals from "isolet-internal:internals";
import * as promises from "node:dns/promises";
import {
  ADDRCONFIG, ADDRGETNETWORKPARAMS, ALL, BADFAMILY, BADFLAGS, BADHINTS, BADNAME, BADQUERY, BADRESP, BADSTR,
  CANCELLED, CONNREFUSED, DESTRUCTION, EOF, FILE, FORMERR, LOADIPHLPAPI, NODATA, NOMEM, NONAME, NOTFOUND,
  NOTIMP, NOTINITIALIZED, REFUSED, SERVFAIL, TIMEOUT, V4MAPPED,
  getDefaultResultOrder, getServers, setDefaultResultOrder, setServers,
} from "node:dns/promises";
import { notImplemented, resolverClass } from "isolet-internal:node/dns";

export {
  ADDRCONFIG, ADDRGETNETWORKPARAMS, ALL, BADFAMILY, BADFLAGS, BADHINTS, BADNAME, BADQUERY, BADRESP, BADSTR,
  CANCELLED, CONNREFUSED, DESTRUCTION, EOF, FILE, FORMERR, LOADIPHLPAPI, NODATA, NOMEM, NONAME, NOTFOUND,
  NOTIMP, NOTINITIALIZED, REFUSED, SERVFAIL, TIMEOUT, V4MAPPED,
  getDefaultResultOrder, getServers, setDefaultResultOrder, setServers, promises,
};

const failing = (name) => ({
  [name]: (...args) => {
    const error = notImplemented("node:dns", name);
    const callback = args.at(-1);
    if (typeof callback !== "function") throw error;
    queueMicrotask(() => callback(error));
  },
})[name];

export const lookup = failing("lookup");
export const lookupService = failing("lookupService");
export const resolve = failing("resolve");
export const resolve4 = failing("resolve4");
export const resolve6 = failing("resolve6");
export const resolveAny = failing("resolveAny");
export const resolveCaa = failing("resolveCaa");
export const resolveCname = failing("resolveCname");
export const resolveMx = failing("resolveMx");
export const resolveNaptr = failing("resolveNaptr");
export const resolveNs = failing("resolveNs");
export const resolvePtr = failing("resolvePtr");
export const resolveSoa = failing("resolveSoa");
export const resolveSrv = failing("resolveSrv");
export const resolveTxt = failing("resolveTxt");
export const reverse = failing("reverse");

export const Resolver = resolverClass(failing, getServers, setServers);

const defaultExport = {
  ADDRCONFIG, ADDRGETNETWORKPARAMS, ALL, BADFAMILY, BADFLAGS, BADHINTS, BADNAME, BADQUERY, BADRESP, BADSTR,
  CANCELLED, CONNREFUSED, DESTRUCTION, EOF, FILE, FORMERR, LOADIPHLPAPI, NODATA, NOMEM, NONAME, NOTFOUND,
  NOTIMP, NOTINITIALIZED, REFUSED, SERVFAIL, TIMEOUT, V4MAPPED,
  Resolver, getDefaultResultOrder, getServers, lookup, lookupService, promises, resolve, resolve4, resolve6,
  resolveAny, resolveCaa, resolveCname, resolveMx, resolveNaptr, resolveNs, resolvePtr, resolveSoa, resolveSrv,
  resolveTxt, reverse, setDefaultResultOrder, setServers,
};

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("dns", defaultExport);

export default defaultExport;

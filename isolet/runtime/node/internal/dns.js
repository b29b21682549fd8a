// What node:dns and node:dns/promises share: the not-implemented error and
// the Resolver class (workerd's shape), built around each module's failing
// function (a callback/throwing one for node:dns, a rejecting one for
// node:dns/promises).
//
//   notImplemented(module, name)  Error, code ERR_METHOD_NOT_IMPLEMENTED,
//                                 "<module> <name> is not implemented in isolet"
//   resolverClass(fail, getServers, setServers)  class Resolver: the resolve*
//                                 and reverse methods are fail(name); cancel and
//                                 setLocalAddress throw "Not implemented"
"use strict";

import { makeNodeError } from "isolet-internal:node/errors";

export function notImplemented(module, name) {
  return makeNodeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", `${module} ${name} is not implemented in isolet`);
}

const RESOLVER_METHODS = ["resolve", "resolve4", "resolve6", "resolveAny", "resolveCaa", "resolveCname",
  "resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa", "resolveSrv", "resolveTxt", "reverse"];

export function resolverClass(fail, getServers, setServers) {
  class Resolver {
    cancel() {
      throw new Error("Not implemented");
    }

    setLocalAddress() {
      throw new Error("Not implemented");
    }

    getServers() {
      return getServers();
    }

    setServers(servers) {
      setServers(servers);
    }
  }
  for (const name of RESOLVER_METHODS) {
    Object.defineProperty(Resolver.prototype, name, {
      value: fail(name), writable: true, configurable: true, enumerable: false,
    });
  }
  return Resolver;
}

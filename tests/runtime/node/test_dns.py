"""node:dns and node:dns/promises: every lookup/resolve/reverse function fails with an Error naming itself (thrown, passed to the callback, or as a rejection; the issue allows this instead of workerd's DNS-over-HTTPS), while getServers/setServers/result order, the constants and the module shapes equal workerd's (compared with workerd 1.20260426.1 with nodejs_compat)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.runtime.node.cases import case_params, compared, js_prelude, run_results

PRELUDE = js_prelude(values="undefined", errors="text+code", finish="copy")

# Each run evaluates its cases in one isolate; each result is keyed by the call it made.
RUNS: dict[str, tuple[str, tuple[str, ...]]] = {}
EXPECTED: dict[str, dict[str, Any]] = {}

RUNS[""] = (
    PRELUDE
    + r"""import dns from "node:dns";
import * as named from "node:dns";
import * as p from "node:dns/promises";
import pDefault from "node:dns/promises";
const run = async () => {
for (const fn of ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCaa", "resolveCname", "resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa", "resolveSrv", "resolveTxt", "reverse"]) {
  await put(`dns.${fn}:throwsWithoutCallback`, () => dns[fn]("example.com"));
  await put(`dns.${fn}:callbackGetsError`, () => new Promise((res) => dns[fn]("example.com", (err, value) => res([`${err.name}: ${err.message}`, err.code, value ?? null]))));
  await put(`promises.${fn}:rejects`, () => p[fn]("example.com"));
  if (fn !== "lookup" && fn !== "lookupService") await put(`Resolver.${fn}:throwsWithoutCallback`, () => new dns.Resolver()[fn]("example.com"));
}
await put("getServers", () => [dns.getServers(), p.getServers(), new dns.Resolver().getServers()]);
await put("setServers", () => dns.setServers(["8.8.8.8"]));
await put("defaultResultOrder", () => { const r = [dns.getDefaultResultOrder(), dns.setDefaultResultOrder("ipv4first") ?? null, p.getDefaultResultOrder()]; dns.setDefaultResultOrder("verbatim"); return r; });
await put("constants", () => [dns.NODATA, dns.NOTFOUND, dns.CANCELLED, dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, p.TIMEOUT]);
await put("promisesIsModule", () => [dns.promises.lookup === p.lookup, named.promises === dns.promises]);
await put("shape:exports", () => [Object.keys(named).sort(), Object.keys(dns).sort(), Object.keys(p).sort(), Object.keys(pDefault).sort()]);
return collected();
};
export default run();
""",
    ("nodejs_compat",),
)
EXPECTED[""] = {
    "dns.lookup:throwsWithoutCallback": {
        "error": "Error: node:dns lookup is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.lookup:callbackGetsError": [
        "Error: node:dns lookup is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.lookup:rejects": {
        "error": "Error: node:dns/promises lookup is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.lookupService:throwsWithoutCallback": {
        "error": "Error: node:dns lookupService is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.lookupService:callbackGetsError": [
        "Error: node:dns lookupService is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.lookupService:rejects": {
        "error": "Error: node:dns/promises lookupService is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolve:throwsWithoutCallback": {
        "error": "Error: node:dns resolve is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolve:callbackGetsError": [
        "Error: node:dns resolve is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolve:rejects": {
        "error": "Error: node:dns/promises resolve is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolve:throwsWithoutCallback": {
        "error": "Error: node:dns resolve is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolve4:throwsWithoutCallback": {
        "error": "Error: node:dns resolve4 is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolve4:callbackGetsError": [
        "Error: node:dns resolve4 is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolve4:rejects": {
        "error": "Error: node:dns/promises resolve4 is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolve4:throwsWithoutCallback": {
        "error": "Error: node:dns resolve4 is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolve6:throwsWithoutCallback": {
        "error": "Error: node:dns resolve6 is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolve6:callbackGetsError": [
        "Error: node:dns resolve6 is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolve6:rejects": {
        "error": "Error: node:dns/promises resolve6 is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolve6:throwsWithoutCallback": {
        "error": "Error: node:dns resolve6 is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveAny:throwsWithoutCallback": {
        "error": "Error: node:dns resolveAny is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveAny:callbackGetsError": [
        "Error: node:dns resolveAny is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveAny:rejects": {
        "error": "Error: node:dns/promises resolveAny is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveAny:throwsWithoutCallback": {
        "error": "Error: node:dns resolveAny is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveCaa:throwsWithoutCallback": {
        "error": "Error: node:dns resolveCaa is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveCaa:callbackGetsError": [
        "Error: node:dns resolveCaa is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveCaa:rejects": {
        "error": "Error: node:dns/promises resolveCaa is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveCaa:throwsWithoutCallback": {
        "error": "Error: node:dns resolveCaa is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveCname:throwsWithoutCallback": {
        "error": "Error: node:dns resolveCname is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveCname:callbackGetsError": [
        "Error: node:dns resolveCname is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveCname:rejects": {
        "error": "Error: node:dns/promises resolveCname is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveCname:throwsWithoutCallback": {
        "error": "Error: node:dns resolveCname is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveMx:throwsWithoutCallback": {
        "error": "Error: node:dns resolveMx is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveMx:callbackGetsError": [
        "Error: node:dns resolveMx is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveMx:rejects": {
        "error": "Error: node:dns/promises resolveMx is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveMx:throwsWithoutCallback": {
        "error": "Error: node:dns resolveMx is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveNaptr:throwsWithoutCallback": {
        "error": "Error: node:dns resolveNaptr is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveNaptr:callbackGetsError": [
        "Error: node:dns resolveNaptr is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveNaptr:rejects": {
        "error": "Error: node:dns/promises resolveNaptr is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveNaptr:throwsWithoutCallback": {
        "error": "Error: node:dns resolveNaptr is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveNs:throwsWithoutCallback": {
        "error": "Error: node:dns resolveNs is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveNs:callbackGetsError": [
        "Error: node:dns resolveNs is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveNs:rejects": {
        "error": "Error: node:dns/promises resolveNs is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveNs:throwsWithoutCallback": {
        "error": "Error: node:dns resolveNs is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolvePtr:throwsWithoutCallback": {
        "error": "Error: node:dns resolvePtr is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolvePtr:callbackGetsError": [
        "Error: node:dns resolvePtr is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolvePtr:rejects": {
        "error": "Error: node:dns/promises resolvePtr is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolvePtr:throwsWithoutCallback": {
        "error": "Error: node:dns resolvePtr is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveSoa:throwsWithoutCallback": {
        "error": "Error: node:dns resolveSoa is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveSoa:callbackGetsError": [
        "Error: node:dns resolveSoa is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveSoa:rejects": {
        "error": "Error: node:dns/promises resolveSoa is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveSoa:throwsWithoutCallback": {
        "error": "Error: node:dns resolveSoa is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveSrv:throwsWithoutCallback": {
        "error": "Error: node:dns resolveSrv is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveSrv:callbackGetsError": [
        "Error: node:dns resolveSrv is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveSrv:rejects": {
        "error": "Error: node:dns/promises resolveSrv is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveSrv:throwsWithoutCallback": {
        "error": "Error: node:dns resolveSrv is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveTxt:throwsWithoutCallback": {
        "error": "Error: node:dns resolveTxt is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.resolveTxt:callbackGetsError": [
        "Error: node:dns resolveTxt is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.resolveTxt:rejects": {
        "error": "Error: node:dns/promises resolveTxt is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.resolveTxt:throwsWithoutCallback": {
        "error": "Error: node:dns resolveTxt is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.reverse:throwsWithoutCallback": {
        "error": "Error: node:dns reverse is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "dns.reverse:callbackGetsError": [
        "Error: node:dns reverse is not implemented in isolet",
        "ERR_METHOD_NOT_IMPLEMENTED",
        None,
    ],
    "promises.reverse:rejects": {
        "error": "Error: node:dns/promises reverse is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "Resolver.reverse:throwsWithoutCallback": {
        "error": "Error: node:dns reverse is not implemented in isolet",
        "code": "ERR_METHOD_NOT_IMPLEMENTED",
    },
    "getServers": [
        ["1.1.1.1", "2606:4700:4700::1111", "1.0.0.1", "2606:4700:4700::1001"],
        ["1.1.1.1", "2606:4700:4700::1111", "1.0.0.1", "2606:4700:4700::1001"],
        ["1.1.1.1", "2606:4700:4700::1111", "1.0.0.1", "2606:4700:4700::1001"],
    ],
    "setServers": {"error": "Error: Not implemented", "code": None},
    "defaultResultOrder": ["verbatim", None, "ipv4first"],
    "constants": ["ENODATA", "ENOTFOUND", "ECANCELLED", 1024, 2048, 256, "ETIMEOUT"],
    "promisesIsModule": [True, True],
    "shape:exports": [
        [
            "ADDRCONFIG",
            "ADDRGETNETWORKPARAMS",
            "ALL",
            "BADFAMILY",
            "BADFLAGS",
            "BADHINTS",
            "BADNAME",
            "BADQUERY",
            "BADRESP",
            "BADSTR",
            "CANCELLED",
            "CONNREFUSED",
            "DESTRUCTION",
            "EOF",
            "FILE",
            "FORMERR",
            "LOADIPHLPAPI",
            "NODATA",
            "NOMEM",
            "NONAME",
            "NOTFOUND",
            "NOTIMP",
            "NOTINITIALIZED",
            "REFUSED",
            "Resolver",
            "SERVFAIL",
            "TIMEOUT",
            "V4MAPPED",
            "default",
            "getDefaultResultOrder",
            "getServers",
            "lookup",
            "lookupService",
            "promises",
            "resolve",
            "resolve4",
            "resolve6",
            "resolveAny",
            "resolveCaa",
            "resolveCname",
            "resolveMx",
            "resolveNaptr",
            "resolveNs",
            "resolvePtr",
            "resolveSoa",
            "resolveSrv",
            "resolveTxt",
            "reverse",
            "setDefaultResultOrder",
            "setServers",
        ],
        [
            "ADDRCONFIG",
            "ADDRGETNETWORKPARAMS",
            "ALL",
            "BADFAMILY",
            "BADFLAGS",
            "BADHINTS",
            "BADNAME",
            "BADQUERY",
            "BADRESP",
            "BADSTR",
            "CANCELLED",
            "CONNREFUSED",
            "DESTRUCTION",
            "EOF",
            "FILE",
            "FORMERR",
            "LOADIPHLPAPI",
            "NODATA",
            "NOMEM",
            "NONAME",
            "NOTFOUND",
            "NOTIMP",
            "NOTINITIALIZED",
            "REFUSED",
            "Resolver",
            "SERVFAIL",
            "TIMEOUT",
            "V4MAPPED",
            "getDefaultResultOrder",
            "getServers",
            "lookup",
            "lookupService",
            "promises",
            "resolve",
            "resolve4",
            "resolve6",
            "resolveAny",
            "resolveCaa",
            "resolveCname",
            "resolveMx",
            "resolveNaptr",
            "resolveNs",
            "resolvePtr",
            "resolveSoa",
            "resolveSrv",
            "resolveTxt",
            "reverse",
            "setDefaultResultOrder",
            "setServers",
        ],
        [
            "ADDRCONFIG",
            "ADDRGETNETWORKPARAMS",
            "ALL",
            "BADFAMILY",
            "BADFLAGS",
            "BADHINTS",
            "BADNAME",
            "BADQUERY",
            "BADRESP",
            "BADSTR",
            "CANCELLED",
            "CONNREFUSED",
            "DESTRUCTION",
            "EOF",
            "FILE",
            "FORMERR",
            "LOADIPHLPAPI",
            "NODATA",
            "NOMEM",
            "NONAME",
            "NOTFOUND",
            "NOTIMP",
            "NOTINITIALIZED",
            "REFUSED",
            "Resolver",
            "SERVFAIL",
            "TIMEOUT",
            "V4MAPPED",
            "default",
            "getDefaultResultOrder",
            "getServers",
            "lookup",
            "lookupService",
            "resolve",
            "resolve4",
            "resolve6",
            "resolveAny",
            "resolveCaa",
            "resolveCname",
            "resolveMx",
            "resolveNaptr",
            "resolveNs",
            "resolvePtr",
            "resolveSoa",
            "resolveSrv",
            "resolveTxt",
            "reverse",
            "setDefaultResultOrder",
            "setServers",
        ],
        [
            "ADDRGETNETWORKPARAMS",
            "BADFAMILY",
            "BADFLAGS",
            "BADHINTS",
            "BADNAME",
            "BADQUERY",
            "BADRESP",
            "BADSTR",
            "CANCELLED",
            "CONNREFUSED",
            "DESTRUCTION",
            "EOF",
            "FILE",
            "FORMERR",
            "LOADIPHLPAPI",
            "NODATA",
            "NOMEM",
            "NONAME",
            "NOTFOUND",
            "NOTIMP",
            "NOTINITIALIZED",
            "REFUSED",
            "Resolver",
            "SERVFAIL",
            "TIMEOUT",
            "getDefaultResultOrder",
            "getServers",
            "lookup",
            "lookupService",
            "resolve",
            "resolve4",
            "resolve6",
            "resolveAny",
            "resolveCaa",
            "resolveCname",
            "resolveMx",
            "resolveNaptr",
            "resolveNs",
            "resolvePtr",
            "resolveSoa",
            "resolveSrv",
            "resolveTxt",
            "reverse",
            "setDefaultResultOrder",
            "setServers",
        ],
    ],
}

# Cases where isolet still differs from workerd, with the reason; they run as xfail.
KNOWN_DIFFERENCES: dict[str, str] = {}


CASES = case_params(EXPECTED, KNOWN_DIFFERENCES)
results = run_results(RUNS)


@pytest.mark.parametrize(("run", "behaviour"), CASES)
def test_dns_matches_workerd(results: dict[str, dict[str, Any]], run: str, behaviour: str) -> None:
    observed, expected = compared(results, EXPECTED, run, behaviour)
    assert observed == expected

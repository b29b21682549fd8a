"""``request.cf`` for local requests: the offline defaults ``wrangler dev`` uses.

wrangler dev (Miniflare) fills ``request.cf`` from a fallback object when it
cannot fetch Cloudflare's: an Austin, Texas client over TLS 1.3 and HTTP/1.1
at the DFW colo. isolet serves the same values so code that reads
``request.cf`` behaves as under wrangler; ``[dev] cf = {...}`` in the config
overrides any of them (top-level keys replace, nested tables merge).
"""

from __future__ import annotations

import copy
from typing import Any

FALLBACK_CF: dict[str, Any] = {
    "asOrganization": "",
    "asn": 395747,
    "colo": "DFW",
    "city": "Austin",
    "region": "Texas",
    "regionCode": "TX",
    "metroCode": "635",
    "postalCode": "78701",
    "country": "US",
    "continent": "NA",
    "timezone": "America/Chicago",
    "latitude": "30.27130",
    "longitude": "-97.74260",
    "clientTcpRtt": 0,
    "httpProtocol": "HTTP/1.1",
    "requestPriority": "weight=192;exclusive=0",
    "tlsCipher": "AEAD-AES128-GCM-SHA256",
    "tlsVersion": "TLSv1.3",
    "tlsClientAuth": {
        "certPresented": "0",
        "certVerified": "NONE",
        "certRevoked": "0",
        "certIssuerDN": "",
        "certSubjectDN": "",
        "certIssuerDNRFC2253": "",
        "certSubjectDNRFC2253": "",
        "certIssuerDNLegacy": "",
        "certSubjectDNLegacy": "",
        "certSerial": "",
        "certIssuerSerial": "",
        "certSKI": "",
        "certIssuerSKI": "",
        "certFingerprintSHA1": "",
        "certFingerprintSHA256": "",
        "certNotBefore": "",
        "certNotAfter": "",
    },
    "edgeRequestKeepAliveStatus": 0,
    "clientTrustScore": 99,
    "botManagement": {
        "corporateProxy": False,
        "verifiedBot": False,
        "jsDetection": {"passed": False},
        "staticResource": False,
        "detectionIds": {},
        "score": 99,
    },
}


def build_cf(overrides: dict[str, Any]) -> dict[str, Any]:
    """The fallback ``cf`` object with ``overrides`` merged in."""
    cf = copy.deepcopy(FALLBACK_CF)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(cf.get(key), dict):
            cf[key] = {**cf[key], **value}
        else:
            cf[key] = value
    return cf

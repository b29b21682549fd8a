"""Platform limits, as named constants with their source.

KV: https://developers.cloudflare.com/kv/platform/limits/ and miniflare's
``packages/miniflare/src/workers/kv/constants.ts`` (KVLimits), which the
local simulator enforces with the same numbers.
"""

from __future__ import annotations

KV_MAX_KEY_BYTES = 512  # workerd api/kv.c++ kMaxKeyLength; KV limits page "Key size"
KV_MAX_VALUE_BYTES = 25 * 1024 * 1024  # KV limits page "Value size"; miniflare MAX_VALUE_SIZE_BYTES
KV_MAX_METADATA_BYTES = 1024  # KV limits page "Metadata size"; miniflare MAX_METADATA_SIZE_BYTES
KV_MIN_EXPIRATION_TTL_S = 60  # KV docs "Expiring keys"; miniflare MIN_EXPIRATION_TTL_SECONDS
# KV docs "cacheTtl": minimum 30 s (it was 60 before 2025); miniflare MIN_CACHE_TTL_SECONDS = 30.
KV_MIN_CACHE_TTL_S = 30
KV_MAX_LIST_KEYS = 1000  # KV docs "list()": at most 1000 keys per call; miniflare MAX_LIST_KEYS
KV_MAX_BULK_GET_KEYS = 100  # KV docs "get() multiple keys"; miniflare MAX_BULK_GET_KEYS
KV_MAX_BULK_BYTES = 25 * 1024 * 1024  # miniflare MAX_BULK_SIZE_BYTES (a bulk get's total value size)

"""Compatibility dates and flags -> the set of runtime behaviours a Worker gets.

One table, `FLAGS`, one row per behaviour, with the names, dates and
implications of workerd's `src/workerd/io/compatibility-date.capnp` at
release v1.20260426.1 (the rows are data extracted from that file; the
descriptions are ours). `compute_features` applies workerd's rules
(`compileCompatibilityFlags` in compatibility-date.c++):

- a behaviour is on when its enable flag is given, or when the date is on or
  after its enable date and its disable flag is not given;
- a behaviour with `implied_by` is also on when the compatibility date is on
  or after `implied_after` and any of the named behaviours is on (unless its
  disable flag is given), checked once, in table order, as workerd does;
- a flag workerd does not know, a flag given twice, a flag together with its
  own opposite, an enable flag that the date already implies, and an
  experimental flag (unless allowed) are errors, with workerd's wording.

`Features.enabled(name)` takes the enable flag name (e.g. "nodejs_compat").
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from isolet.errors import ConfigError

# The newest compatibility date this runtime claims to implement: that of the
# workerd release the flag table was taken from. A later date is an error, as
# in workerd ("the newest date supported by this server binary").
SUPPORTED_COMPAT_DATE = "2026-04-26"


@dataclass(frozen=True, slots=True)
class CompatFlag:
    """One row of the table: a behaviour and the flags and date that switch it."""

    enable: str  # flag name that turns the behaviour on; also its name in `Features`
    disable: str | None  # flag name that keeps it off after `date`; None: cannot be turned off
    date: str | None  # on for compatibility dates >= this; None: only by flag (or implication)
    what: str  # one line: what changes when it is on
    experimental: bool = False  # workerd accepts the enable flag only with --experimental
    all_dates: bool = False  # on for every date (workerd's compatEnableAllDates)
    implied_by: tuple[str, ...] = ()  # on if any of these is on ...
    implied_after: str | None = None  # ... and the date is >= this


def _row(
    enable: str,
    disable: str | None,
    date: str | None,
    what: str,
    *,
    experimental: bool = False,
    all_dates: bool = False,
    implied_by: tuple[str, ...] = (),
    implied_after: str | None = None,
) -> CompatFlag:
    return CompatFlag(enable, disable, date, what, experimental, all_dates, implied_by, implied_after)


# fmt: off
FLAGS: tuple[CompatFlag, ...] = (
    _row(
        "formdata_parser_supports_files",
        "formdata_parser_converts_files_to_strings",
        "2021-11-03",
        "FormData parsing yields File objects instead of turning files into strings",
    ),
    _row(
        "fetch_refuses_unknown_protocols",
        "fetch_treats_unknown_protocols_as_http",
        "2021-11-10",
        "fetch() rejects URL schemes other than http(s) instead of treating them as http",
    ),
    _row("html_rewriter_treats_esi_include_as_void_tag", None, None, "Esi include is void tag"),
    _row(
        "durable_object_fetch_requires_full_url",
        "durable_object_fetch_allows_relative_url",
        "2021-11-10",
        "Durable Object stub fetch() requires an absolute URL",
    ),
    _row(
        "streams_byob_reader_detaches_buffer",
        "streams_byob_reader_does_not_detach_buffer",
        "2021-11-10",
        "BYOB reader detaches the buffers passed to read(), per the Streams spec",
    ),
    _row(
        "streams_enable_constructors",
        "streams_disable_constructors",
        "2022-11-30",
        "new ReadableStream()/new WritableStream() with JS sources and sinks are available",
    ),
    _row(
        "workers_api_getters_setters_on_prototype",
        "workers_api_getters_setters_on_instance",
        "2022-01-31",
        "Jsg property on prototype template",
    ),
    _row(
        "minimal_subrequests",
        "no_minimal_subrequests",
        "2022-04-05",
        "Outbound subrequests skip CDN features unrelated to Workers",
    ),
    _row("no_cots_on_external_fetch", "cots_on_external_fetch", "2022-03-08", "No cots on external fetch"),
    _row(
        "url_standard",
        "url_original",
        "2022-10-31",
        "URL follows the WHATWG URL standard parser instead of the legacy one",
    ),
    _row(
        "global_navigator",
        "no_global_navigator",
        "2022-03-21",
        "A global navigator object (navigator.userAgent) is defined",
    ),
    _row("capture_async_api_throws", "do_not_capture_async_api_throws", "2022-10-31", "Capture throws as rejections"),
    _row("r2_public_beta_bindings", "r2_internal_beta_bindings", None, "R2 public beta api", all_dates=True),
    _row("durable_object_alarms", None, None, "Obsolete14"),
    _row("dont_substitute_null_on_type_error", "substitute_null_on_type_error", "2022-06-01", "No substitute null"),
    _row(
        "transformstream_enable_standard_constructor",
        "transformstream_disable_standard_constructor",
        "2022-11-30",
        "new TransformStream() follows the Streams standard",
    ),
    _row("r2_list_honor_include", None, "2022-08-04", "R2 list honor include fields"),
    _row(
        "export_commonjs_default",
        "export_commonjs_namespace",
        "2022-10-31",
        "CommonJS module.exports is exposed as the default export of the module",
    ),
    _row("durable_object_rename", None, None, "Obsolete19", experimental=True),
    _row(
        "web_socket_compression",
        "no_web_socket_compression",
        "2023-08-15",
        "WebSocket permessage-deflate compression is negotiated",
    ),
    _row("nodejs_compat", "no_nodejs_compat", None, "Node.js built-in modules (node:*) and globals become importable"),
    _row("tcp_sockets_support", None, None, "Obsolete22"),
    _row(
        "response_redirect_url_standard",
        "response_redirect_url_original",
        "2023-03-14",
        "Spec compliant response redirect",
    ),
    _row("experimental", None, None, "Workerd experimental", experimental=True),
    _row("durable_object_get_existing", None, None, "Durable object get existing", experimental=True),
    _row("http_headers_getsetcookie", "no_http_headers_getsetcookie", "2023-03-01", "Http headers get set cookie"),
    _row(
        "dynamic_dispatch_tunnel_exceptions",
        "dynamic_dispatch_treat_exceptions_as_500",
        "2023-03-01",
        "Dispatch exception tunneling",
    ),
    _row("service_binding_extra_handlers", None, None, "Service binding extra handlers", experimental=True),
    _row("no_cf_botmanagement_default", "cf_botmanagement_default", "2023-08-01", "No cf bot management default"),
    _row(
        "urlsearchparams_delete_has_value_arg",
        "no_urlsearchparams_delete_has_value_arg",
        "2023-07-01",
        "Url search params delete has value arg",
    ),
    _row("strict_compression_checks", "no_strict_compression_checks", "2023-08-01", "Strict compression"),
    _row("brotli_content_encoding", "no_brotli_content_encoding", "2024-04-29", "Brotli content encoding"),
    _row("strict_crypto_checks", "no_strict_crypto_checks", "2023-08-01", "Strict crypto"),
    _row("rtti_api", None, None, "Rtti api", experimental=True),
    _row("webgpu", None, None, "Obsolete35", experimental=True),
    _row(
        "crypto_preserve_public_exponent",
        "no_crypto_preserve_public_exponent",
        "2023-12-01",
        "Crypto preserve public exponent",
    ),
    _row(
        "vectorize_query_metadata_optional",
        "vectorize_query_original",
        "2023-11-08",
        "Vectorize query metadata optional",
    ),
    _row("unsafe_module", None, None, "Unsafe module", experimental=True),
    _row("js_rpc", None, None, "Js rpc", experimental=True),
    _row("no_global_importscripts", "global_importscripts", "2024-03-04", "The importScripts() global is removed"),
    _row(
        "nodejs_als",
        "no_nodejs_als",
        None,
        "node:async_hooks AsyncLocalStorage is available without full nodejs_compat",
    ),
    _row("queues_json_messages", "no_queues_json_messages", "2024-03-18", "Queues json messages"),
    _row(
        "python_workers",
        None,
        None,
        "Python Workers are supported",
        implied_by=("python_workers_development",),
        implied_after="2000-01-01",
    ),
    _row("fetcher_no_get_put_delete", "fetcher_has_get_put_delete", "2024-03-26", "Fetcher no get put delete"),
    _row("unwrap_custom_thenables", "no_unwrap_custom_thenables", "2024-04-01", "Unwrap custom thenables"),
    _row("rpc", "no_rpc", "2024-04-03", "JavaScript RPC over service bindings and Durable Object stubs"),
    _row(
        "internal_stream_byob_return_view",
        "internal_stream_byob_return_undefined",
        "2024-05-13",
        "Internal stream byob return",
    ),
    _row("blob_standard_mime_type", "blob_legacy_mime_type", "2024-06-03", "Blob standard mime type"),
    _row("fetch_standard_url", "fetch_legacy_url", "2024-06-03", "Fetch standard url"),
    _row(
        "nodejs_compat_v2",
        "no_nodejs_compat_v2",
        None,
        "Newer Node.js compatibility layer: more node:* modules, process and Buffer globals",
        implied_by=("nodejs_compat",),
        implied_after="2024-09-23",
    ),
    _row(
        "global_fetch_strictly_public",
        "global_fetch_private_origin",
        None,
        "Global fetch() to the Worker's own zone goes to the public internet, not the origin",
    ),
    _row("new_module_registry", "legacy_module_registry", None, "New module registry", experimental=True),
    _row("cache_option_enabled", "cache_option_disabled", "2024-11-11", "Cache option enabled"),
    _row("kv_direct_binding", None, None, "Kv direct binding", experimental=True),
    _row("allow_custom_ports", "ignore_custom_ports", "2024-09-02", "fetch() honours non-standard ports in URLs"),
    _row("increase_websocket_message_size", None, None, "Increase websocket message size", experimental=True),
    _row(
        "internal_writable_stream_abort_clears_queue",
        "internal_writable_stream_abort_does_not_clear_queue",
        "2024-09-02",
        "Internal writable stream abort clears queue",
    ),
    _row("python_workers_development", None, None, "Python workers dev pyodide", experimental=True),
    _row(
        "nodejs_zlib",
        "no_nodejs_zlib",
        None,
        "Node js zlib",
        implied_by=("nodejs_compat", "nodejs_compat_v2"),
        implied_after="2024-09-23",
    ),
    _row("replica_routing", None, None, "Replica routing", experimental=True),
    _row("enable_d1_with_sessions_api", None, None, "Obsolete61", experimental=True),
    _row(
        "handle_cross_request_promise_resolution",
        "no_handle_cross_request_promise_resolution",
        "2024-10-14",
        "Handle cross request promise resolution",
    ),
    _row("set_tostring_tag", "do_not_set_tostring_tag", "2024-09-26", "Set to string tag"),
    _row("upper_case_all_http_methods", "no_upper_case_all_http_methods", "2024-10-14", "Upper case all http methods"),
    _row("python_external_packages", None, None, "Obsolete66"),
    _row(
        "disable_top_level_await_in_require",
        "enable_top_level_await_in_require",
        "2024-12-02",
        "No top level await in require",
    ),
    _row(
        "fixup-transform-stream-backpressure",
        "original-transform-stream-backpressure",
        "2024-12-16",
        "Fixup transform stream backpressure",
    ),
    _row("tail_worker_user_spans", None, None, "Obsolete69", experimental=True),
    _row(
        "cache_no_cache_enabled",
        "cache_no_cache_disabled",
        None,
        "Cache no cache",
        implied_by=("cache_option_enabled",),
        implied_after="2025-08-07",
    ),
    _row(
        "python_workers_20250116",
        "no_python_workers_20250116",
        None,
        "Python workers20250116",
        implied_by=("python_workers",),
        implied_after="2025-09-29",
    ),
    _row(
        "request_cf_overrides_cache_rules",
        "no_request_cf_overrides_cache_rules",
        "2025-04-02",
        "Request cf overrides cache rules",
    ),
    _row("memory_cache_delete", None, None, "Memory cache delete", experimental=True),
    _row("unique_ctx_per_invocation", None, "2025-03-10", "Each handler invocation gets its own ctx object"),
    _row("nonclass_entrypoint_reuses_ctx_across_invocations", None, None, "Reuse ctx across nonclass events"),
    _row(
        "queue_consumer_no_wait_for_wait_until",
        "queue_consumer_wait_for_wait_until",
        None,
        "Queue consumer no wait for wait until",
    ),
    _row(
        "nodejs_compat_populate_process_env",
        "nodejs_compat_do_not_populate_process_env",
        None,
        "Populate process env",
        implied_by=("nodejs_compat",),
        implied_after="2025-04-01",
    ),
    _row(
        "cache_api_request_cf_overrides_cache_rules",
        "no_cache_api_request_cf_overrides_cache_rules",
        "2025-05-19",
        "Cache api request cf overrides cache rules",
    ),
    _row("disallow_importable_env", "allow_importable_env", None, "Disable importable env"),
    _row(
        "assets_navigation_prefers_asset_serving",
        "assets_navigation_has_no_effect",
        "2025-04-01",
        "Assets sec fetch mode navigate header prefers asset serving",
    ),
    _row("cache_api_compat_flags", "no_cache_api_compat_flags", "2025-04-19", "Cache api compat flags"),
    _row("python_workers_durable_objects", None, None, "Obsolete81", experimental=True),
    _row("streaming_tail_worker", None, None, "Obsolete82", experimental=True),
    _row("urlpattern_standard", "urlpattern_original", "2025-05-01", "Spec compliant urlpattern"),
    _row("enable_weak_ref", "disable_weak_ref", "2025-05-05", "Js weak ref"),
    _row(
        "request_signal_passthrough",
        "no_request_signal_passthrough",
        None,
        "request.signal is forwarded to subrequests made with that request",
    ),
    _row("enable_navigator_language", "disable_navigator_language", "2025-05-19", "Enable navigator language"),
    _row("enable_web_file_system", None, None, "Web file system", experimental=True),
    _row("enable_abortsignal_rpc", None, None, "Abort signal rpc", experimental=True),
    _row("allow_eval_during_startup", "disallow_eval_during_startup", "2025-06-01", "Allow eval during startup"),
    _row("enable_request_signal", "disable_request_signal", None, "Enable request signal"),
    _row("connect_pass_through", None, None, "Connect pass through", experimental=True),
    _row(
        "bind_asynclocalstorage_snapshot_to_request",
        "do_not_bind_asynclocalstorage_snapshot_to-request",
        "2025-06-16",
        "Bind async local storage snapshot",
    ),
    _row(
        "throw_on_unrecognized_import_assertion",
        "ignore_unrecognized_import_assertion",
        "2025-06-16",
        "Throw on unrecognized import assertion",
    ),
    _row(
        "python_workflows",
        "disable_python_workflows",
        None,
        "Python workflows",
        implied_by=("python_workers",),
        implied_after="2025-09-20",
    ),
    _row("unsupported_process_actual_platform", None, None, "Unsupported process actual platform", experimental=True),
    _row(
        "enable_nodejs_process_v2",
        "disable_nodejs_process_v2",
        None,
        "Enable node js process v2",
        implied_by=("nodejs_compat",),
        implied_after="2025-09-15",
    ),
    _row("set_event_target_this", "no_set_event_target_this", "2025-08-01", "Set event target this"),
    _row(
        "set_forwardable_email_full_headers",
        "set_forwardable_email_single_headers",
        "2025-08-01",
        "Enable forwardable email full headers",
    ),
    _row(
        "enable_nodejs_http_modules",
        "disable_nodejs_http_modules",
        None,
        "Enable nodejs http modules",
        implied_by=("nodejs_compat",),
        implied_after="2025-08-15",
    ),
    _row("pedantic_wpt", "non_pedantic_wpt", None, "Pedantic wpt"),
    _row(
        "expose_global_message_channel",
        "no_expose_global_message_channel",
        "2025-08-15",
        "Expose global message channel",
    ),
    _row(
        "enable_nodejs_http_server_modules",
        "disable_nodejs_http_server_modules",
        None,
        "Enable nodejs http server modules",
        implied_by=("enable_nodejs_http_modules",),
        implied_after="2025-09-01",
    ),
    _row("python_no_global_handlers", "disable_python_no_global_handlers", "2025-08-14", "Python no global handlers"),
    _row(
        "enable_nodejs_fs_module",
        "disable_nodejs_fs_module",
        None,
        "Enable node js fs module",
        implied_by=("nodejs_compat",),
        implied_after="2025-09-15",
    ),
    _row(
        "enable_nodejs_os_module",
        "disable_nodejs_os_module",
        None,
        "Enable node js os module",
        implied_by=("nodejs_compat",),
        implied_after="2025-09-15",
    ),
    _row("python_workers_force_new_vendor_path", None, "2025-08-11", "Python workers force new vendor path"),
    _row(
        "remove_nodejs_compat_eol",
        "add_nodejs_compat_eol",
        None,
        "Remove nodejs compat eol",
        implied_by=("nodejs_compat",),
        implied_after="2025-09-01",
    ),
    _row(
        "enable_validate_workflow_entrypoint",
        "disable_validate_workflow_entrypoint",
        "2025-09-20",
        "Enable workflow script validation",
    ),
    _row(
        "python_dedicated_snapshot",
        "disable_python_dedicated_snapshot",
        None,
        "Python dedicated snapshot",
        implied_by=("python_workers_20250116",),
        implied_after="2025-10-16",
    ),
    _row("typescript_strip_types", None, None, "Typescript strip types", experimental=True),
    _row(
        "enable_nodejs_http2_module",
        "disable_nodejs_http2_module",
        None,
        "Enable node js http2 module",
        implied_by=("nodejs_compat",),
        implied_after="2025-09-01",
    ),
    _row("allow_insecure_inefficient_logged_eval", None, None, "Experimental allow eval always", experimental=True),
    _row(
        "strip_authorization_on_cross_origin_redirect",
        "retain_authorization_on_cross_origin_redirect",
        "2025-09-01",
        "Strip authorization on cross origin redirect",
    ),
    _row("enhanced_error_serialization", "legacy_error_serialization", "2026-04-21", "Enhanced error serialization"),
    _row("enable_email_sending_queuing", "disable_email_sending_queuing", None, "Email sending queuing"),
    _row(
        "remove_nodejs_compat_eol_v22",
        "add_nodejs_compat_eol_v22",
        None,
        "Remove nodejs compat eo lv22",
        implied_by=("remove_nodejs_compat_eol",),
        implied_after="2027-04-30",
    ),
    _row(
        "remove_nodejs_compat_eol_v23",
        "add_nodejs_compat_eol_v23",
        None,
        "Remove nodejs compat eo lv23",
        implied_by=("remove_nodejs_compat_eol_v24",),
        implied_after="2025-09-01",
    ),
    _row(
        "remove_nodejs_compat_eol_v24",
        "add_nodejs_compat_eol_v24",
        None,
        "Remove nodejs compat eo lv24",
        implied_by=("remove_nodejs_compat_eol",),
        implied_after="2028-04-30",
    ),
    _row(
        "enable_nodejs_console_module",
        "disable_nodejs_console_module",
        None,
        "Enable node js console module",
        implied_by=("nodejs_compat",),
        implied_after="2025-09-21",
    ),
    _row(
        "enable_nodejs_vm_module",
        "disable_nodejs_vm_module",
        None,
        "Enable node js vm module",
        implied_by=("nodejs_compat",),
        implied_after="2025-10-01",
    ),
    _row(
        "enable_nodejs_perf_hooks_module",
        "disable_nodejs_perf_hooks_module",
        None,
        "Enable node js perf hooks module",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_global_performance_classes",
        "disable_global_performance_classes",
        None,
        "Enable global performance classes",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_nodejs_domain_module",
        "disable_nodejs_domain_module",
        None,
        "Enable node js domain module",
        implied_by=("nodejs_compat",),
        implied_after="2025-12-04",
    ),
    _row(
        "enable_nodejs_v8_module",
        "disable_nodejs_v8_module",
        None,
        "Enable node js v8 module",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_nodejs_tty_module",
        "disable_nodejs_tty_module",
        None,
        "Enable node js tty module",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_nodejs_punycode_module",
        "disable_nodejs_punycode_module",
        None,
        "Enable node js punycode module",
        implied_by=("nodejs_compat",),
        implied_after="2025-12-04",
    ),
    _row(
        "enable_nodejs_cluster_module",
        "disable_nodejs_cluster_module",
        None,
        "Enable node js cluster module",
        implied_by=("nodejs_compat",),
        implied_after="2025-12-04",
    ),
    _row(
        "enable_nodejs_child_process_module",
        "disable_nodejs_child_process_module",
        None,
        "Enable node js child process module",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_nodejs_worker_threads_module",
        "disable_nodejs_worker_threads_module",
        None,
        "Enable node js worker threads module",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_nodejs_stream_wrap_module",
        "disable_nodejs_stream_wrap_module",
        None,
        "Enable node js stream wrap module",
        implied_by=("nodejs_compat",),
        implied_after="2026-01-29",
    ),
    _row(
        "enable_nodejs_wasi_module",
        "disable_nodejs_wasi_module",
        None,
        "Enable node js wasi module",
        implied_by=("nodejs_compat",),
        implied_after="2025-12-04",
    ),
    _row(
        "enable_nodejs_dgram_module",
        "disable_nodejs_dgram_module",
        None,
        "Enable node js dgram module",
        implied_by=("nodejs_compat",),
        implied_after="2026-01-29",
    ),
    _row(
        "enable_nodejs_inspector_module",
        "disable_nodejs_inspector_module",
        None,
        "Enable node js inspector module",
        implied_by=("nodejs_compat",),
        implied_after="2026-01-29",
    ),
    _row(
        "enable_nodejs_trace_events_module",
        "disable_nodejs_trace_events_module",
        None,
        "Enable node js trace events module",
        implied_by=("nodejs_compat",),
        implied_after="2025-12-04",
    ),
    _row(
        "enable_nodejs_readline_module",
        "disable_nodejs_readline_module",
        None,
        "Enable node js readline module",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_nodejs_repl_module",
        "disable_nodejs_repl_module",
        None,
        "Enable node js repl module",
        implied_by=("nodejs_compat",),
        implied_after="2026-03-17",
    ),
    _row(
        "enable_nodejs_sqlite_module",
        "disable_nodejs_sqlite_module",
        None,
        "Enable node js sqlite module",
        implied_by=("nodejs_compat",),
        implied_after="2026-01-29",
    ),
    _row("enable_ctx_exports", "disable_ctx_exports", "2025-11-17", "Enable ctx exports"),
    _row("enable_python_external_sdk", "disable_python_external_sdk", "2026-04-21", "Python external sdk"),
    _row("enable_fast_jsg_struct", "disable_fast_jsg_struct", "2025-12-03", "Fast jsg struct"),
    _row("cache_reload_enabled", "cache_reload_disabled", None, "Cache reload", experimental=True),
    _row("enable_streams_nodejs_v24_compat", "disable_streams_nodejs_v24_compat", None, "Streams nodejs v24 compat"),
    _row(
        "python_check_rng_state",
        "disable_python_check_rng_state",
        None,
        "Python check rng state",
        implied_by=("python_workers",),
        implied_after="2025-12-16",
    ),
    _row("immutable_api_prototypes", "mutable_api_prototypes", None, "Should set immutable prototype"),
    _row("fetch_iterable_type_support", "no_fetch_iterable_type_support", "2026-02-19", "Fetch iterable type support"),
    _row("env_module_nullable_support", "no_env_module_nullable_support", None, "Env module nullable support"),
    _row("precise_timers", "no_precise_timers", None, "Precise timers", experimental=True),
    _row(
        "fetch_iterable_type_support_override_adjustment",
        "no_fetch_iterable_type_support_override_adjustment",
        None,
        "Fetch iterable type support override adjustment",
        implied_by=("fetch_iterable_type_support",),
        implied_after="2026-01-15",
    ),
    _row(
        "strip_bom_in_read_all_text",
        "do_not_strip_bom_in_read_all_text",
        "2026-01-13",
        "Strip bom in read all text",
        implied_by=("pedantic_wpt",),
        implied_after="2026-01-13",
    ),
    _row("allow_irrevocable_stub_storage", None, None, "Allow irrevocable stub storage", experimental=True),
    _row("rpc_params_dup_stubs", "rpc_params_transfer_stubs", "2026-01-20", "Rpc params dup stubs"),
    _row(
        "enable_nodejs_global_timers",
        "no_nodejs_global_timers",
        None,
        "Enable nodejs global timers",
        implied_by=("nodejs_compat",),
        implied_after="2026-02-10",
    ),
    _row(
        "streams_no_default_auto_allocate_chunk_size",
        "streams_auto_allocate_chunk_size_default",
        None,
        "No auto allocate chunk size",
        experimental=True,
    ),
    _row(
        "python_workflows_implicit_dependencies",
        "no_python_workflows_implicit_dependencies",
        None,
        "Python workflows implicit deps",
        implied_by=("python_workers",),
        implied_after="2026-02-25",
    ),
    _row("require_returns_default_export", "require_returns_namespace", "2026-01-22", "Require returns default export"),
    _row(
        "python_request_headers_preserve_commas",
        "disable_python_request_headers_preserve_commas",
        "2026-02-17",
        "Python request headers preserve commas",
    ),
    _row("queue_expose_error_codes", "no_queue_expose_error_codes", "2026-03-12", "Queue expose error codes"),
    _row(
        "text_decoder_replace_surrogates",
        "disable_text_decoder_replace_surrogates",
        "2026-02-24",
        "Text decoder replace surrogates",
        implied_by=("pedantic_wpt",),
        implied_after="2026-02-24",
    ),
    _row("containers_pid_namespace", "no_containers_pid_namespace", "2026-04-01", "Containers pid namespace"),
    _row("delete_all_deletes_alarm", "delete_all_preserves_alarm", "2026-02-24", "Delete all deletes alarm"),
    _row(
        "unhandled_rejection_after_microtask_checkpoint",
        "no_unhandled_rejection_after_microtask_checkpoint",
        "2026-03-03",
        "Unhandled rejection after microtask checkpoint",
    ),
    _row("text_decoder_cjk_decoder", "disable_text_decoder_cjk_decoder", "2026-03-03", "Text decoder cjk decoder"),
    _row(
        "websocket_close_reason_byte_limit",
        "no_websocket_close_reason_byte_limit",
        "2026-03-03",
        "Websocket close reason byte limit",
    ),
    _row("enable_version_api", None, None, "Enable version api", experimental=True),
    _row(
        "websocket_standard_binary_type",
        "no_websocket_standard_binary_type",
        "2026-03-17",
        "Websocket binary type default",
    ),
    _row(
        "writable_stream_spec_compliant_writer",
        "no_writable_stream_spec_compliant_writer",
        "2026-03-24",
        "Writable stream spec compliant writer",
    ),
    _row(
        "encoder_stream_spec_compliant_backpressure",
        "no_encoder_stream_spec_compliant_backpressure",
        "2026-03-24",
        "Encoder stream spec compliant backpressure",
    ),
    _row(
        "spec_compliant_property_attributes",
        "no_spec_compliant_property_attributes",
        None,
        "Spec compliant property attributes",
        experimental=True,
    ),
    _row(
        "workflows_preserve_non_retryable_error_message",
        "workflows_replace_non_retryable_error_message",
        "2026-05-14",
        "Workflows preserve non retryable error message",
    ),
    _row(
        "web_socket_auto_reply_to_close",
        "web_socket_manual_reply_to_close",
        "2026-04-07",
        "Web socket auto reply to close",
    ),
    _row("enable_ctx_version_metadata", None, None, "Enable ctx version metadata", experimental=True),
    _row(
        "no_resizable_array_buffer_in_blob",
        "resizable_array_buffer_in_blob",
        None,
        "No resizable array buffer in blob",
    ),
    _row(
        "diagnostics_channel_has_subscribers_getter",
        "no_diagnostics_channel_has_subscribers_getter",
        "2026-05-19",
        "Diagnostics channel has subscribers getter",
    ),
)
# fmt: on

_BY_ENABLE: dict[str, CompatFlag] = {row.enable: row for row in FLAGS}
_BY_DISABLE: dict[str, CompatFlag] = {row.disable: row for row in FLAGS if row.disable is not None}

# Every flag name a config may list.
KNOWN_FLAGS: frozenset[str] = frozenset(_BY_ENABLE) | frozenset(_BY_DISABLE)


@dataclass(frozen=True, slots=True)
class Features:
    """The behaviours in force for one (compatibility_date, compatibility_flags) pair."""

    compatibility_date: str
    compatibility_flags: tuple[str, ...]
    enabled_names: frozenset[str]  # enable-flag names of the behaviours that are on

    def enabled(self, name: str) -> bool:
        """Whether the behaviour named by its enable flag is on.

        An unknown name raises KeyError: it is a typo in isolet, not a user error.
        """
        if name not in _BY_ENABLE:
            raise KeyError(f"unknown compatibility flag name: {name!r}")
        return name in self.enabled_names


def parse_compat_date(value: str) -> datetime.date | None:
    """A `YYYY-MM-DD` calendar date from 2000 on, or None if `value` is not one."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        parsed = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.year >= 2000 else None


def compute_features(
    date: str,
    flags: Iterable[str],
    *,
    file: str,
    key: str = "compatibility_flags",
    allow_experimental: bool = False,
) -> Features:
    """Apply workerd's rules to `date` (already a valid YYYY-MM-DD) and `flags`.

    Raises ConfigError(file, key, ...) on the first problem found; `key` is the
    dotted config key the flags came from.
    """
    given = tuple(flags)
    seen: set[str] = set()
    for flag in given:
        if flag in seen:
            raise ConfigError(file, key, f"Compatibility flag specified multiple times: {flag}")
        seen.add(flag)
        if flag not in KNOWN_FLAGS:
            raise ConfigError(file, key, f"No such compatibility flag: {flag}")

    on: set[str] = set()
    blocked: set[str] = set()  # behaviours whose disable flag was given
    for row in FLAGS:
        by_flag = row.enable in seen
        by_disable = row.disable is not None and row.disable in seen
        by_date = row.all_dates or (row.date is not None and date >= row.date)
        if by_flag and by_disable:
            raise ConfigError(
                file, key, f"Compatibility flags are mutually contradictory: {row.enable} vs {row.disable}"
            )
        if by_flag and by_date:
            if row.date is not None:
                reason = (
                    f"The compatibility flag {row.enable} became the default as of {row.date} "
                    "so does not need to be specified anymore"
                )
            else:
                reason = f"The compatibility flag {row.enable} is the default, so does not need to be specified anymore"
            raise ConfigError(file, key, reason)
        if by_flag and row.experimental and not allow_experimental:
            raise ConfigError(
                file,
                key,
                f"The compatibility flag {row.enable} is experimental and may break or be removed "
                "in a future version; isolet accepts it only with experimental features enabled",
            )
        if by_disable:
            blocked.add(row.enable)
        if by_flag or (by_date and not by_disable):
            on.add(row.enable)

    # Implications are applied after the direct settings, once, in table
    # order, exactly as workerd does (so a chain only resolves forwards).
    for row in FLAGS:
        if not row.implied_by or row.enable in blocked:
            continue
        assert row.implied_after is not None
        if date >= row.implied_after and any(name in on for name in row.implied_by):
            on.add(row.enable)

    return Features(compatibility_date=date, compatibility_flags=given, enabled_names=frozenset(on))

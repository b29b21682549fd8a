import { runtime } from "esm-lib";
import legacy, { add, version } from "legacy-cjs";
import * as util from "@acme/util";
import { hammer } from "@acme/util/tools/hammer";
import { local } from "#local";
import { helper } from "./lib/helper";
import notes from "./notes.md";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/throw") {
      try {
        legacy.fail();
      } catch (e) {
        return new Response(e.stack);
      }
    }
    return Response.json({
      runtime,
      add: add(2, 3),
      version,
      legacyKeys: Object.keys(legacy).sort(),
      base: legacy.base("/a/b/c.txt"),
      inner: legacy.inner,
      util: util.name,
      hammer,
      local,
      helper,
      notes,
    });
  },
};

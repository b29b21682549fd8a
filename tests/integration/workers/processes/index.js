// One id per isolate, made when the module is evaluated: which server process answered.
const ISOLATE_ID = crypto.randomUUID();

export default {
  async fetch() {
    return new Response(ISOLATE_ID);
  },
};

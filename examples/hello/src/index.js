export default {
  async fetch(request, env, ctx) {
    return new Response(`${env.GREETING}, World!\n`, {
      headers: { "content-type": "text/plain;charset=UTF-8" },
    });
  },
};

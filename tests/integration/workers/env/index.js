export default {
  fetch(request, env) {
    return Response.json({
      env,
      navigator: typeof navigator === "undefined" ? null : navigator.userAgent,
    });
  },
};

export const greet = (name) => `hello from ${name}`;
export const metaUrl = import.meta.url;

export const helper = "helper without extension";

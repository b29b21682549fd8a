export const local = "from #local";

/** The command names in `dir` (files `<name>.ts` not starting with `_`), sorted. */
export function commandNames(dir: string | URL): string[];

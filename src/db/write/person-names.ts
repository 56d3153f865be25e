// Which spelling of a person is kept when two records of them meet (by ORCID, OpenAlex id or a
// hand merge): the same rule in TypeScript, for rows of one batch, and in Cypher, against the graph.

/** The fuller of two spellings of one person: more words ("Heather A. Piwowar"), then longer. */
export const fullerName = (a: string, b: string) => {
  const words = (s: string) => s.trim().split(/\s+/).length;
  return words(a) !== words(b) ? (words(a) > words(b) ? a : b) : a.length >= b.length ? a : b;
};
/** The same choice in Cypher, for a stored name `n` and an incoming one `a`. */
export const FULLER_NAME = (n: string, a: string) =>
  `CASE WHEN ${n} IS NULL OR size(split(trim(${a}), ' ')) > size(split(trim(${n}), ' '))
     OR (size(split(trim(${a}), ' ')) = size(split(trim(${n}), ' ')) AND size(${a}) > size(${n}))
   THEN ${a} ELSE ${n} END`;

/**
 * "Newest first" as one indexed string, so a page of papers is read in index order instead of
 * sorting every paper: 9999 − year (four digits; 9999 when the year is unknown, so those come
 * last), then the title. Every write that sets a paper's title or year also sets this key.
 */
export const newestKey = (p: string) =>
  `CASE WHEN ${p}.year IS NULL THEN '9999' ELSE right('000' + toString(9999 - ${p}.year), 4) END + ' ' + ${p}.title`;

/** newestKey computed outside the database, for the bulk import's files (a test checks both agree). */
export const newestKeyOf = (year: number | null, title: string) =>
  `${
    year === null
      ? '9999'
      : String(9999 - year)
          .padStart(4, '0')
          .slice(-4)
  } ${title}`;

/** The ORDER BY for newest-first pages, served by the paper_newest index. */
export const NEWEST_FIRST = (p: string) => `${p}.newest, ${p}.id`;

/**
 * The orders a page of papers can take (the GraphQL PaperOrder enum), as ORDER BY text over the
 * paper variable: functions of it, because a nested page names its paper `p0`, `p1`… (projection.ts).
 */
export const PAPER_ORDERS = {
  // Newest first through the paper_newest index (unknown years last).
  YEAR_DESC: NEWEST_FIRST,
  YEAR_ASC: (p: string) => `${p}.year, ${p}.title`,
  TITLE_ASC: (p: string) => `${p}.title, ${p}.id`,
  TITLE_DESC: (p: string) => `${p}.title DESC, ${p}.id`,
} as const;
export type PaperOrder = keyof typeof PAPER_ORDERS;

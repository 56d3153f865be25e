/** What a venue is: the one list the importer, the graph's model and the GraphQL enum share. */
export const VENUE_KINDS = ['CONFERENCE', 'JOURNAL', 'PREPRINT', 'WORKSHOP', 'OTHER'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

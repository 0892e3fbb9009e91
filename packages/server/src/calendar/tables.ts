/** A person's private calendar feed: only the SHA-256 of its secret is kept. */
export interface CalendarFeedsTable {
  secret_hash: string;
  person_id: string;
  created_at: string;
}

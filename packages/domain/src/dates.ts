/** Date arithmetic the rules share. Internal: not exported from the package. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Adds whole days as 24-hour spans (UTC), so a window is the same length whatever the time zone. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `2025-03-01`: unambiguous in every locale, which matters in messages read around the world. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

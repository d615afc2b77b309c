/**
 * A day as YYYY-MM-DD in the local time zone: the date on a briefing, a snapshot, a file name and
 * "today" for target deadlines. (toISOString's date is UTC's: in Beijing it is still yesterday
 * until 08:00.)
 */
export function localDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

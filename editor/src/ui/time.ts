/**
 * @module Times as people read them in lists: "just now", "5 min ago", "3 h ago", else the date.
 */

export function timeAgo(time: number, now: number = Date.now()): string {
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(time).toLocaleDateString();
}

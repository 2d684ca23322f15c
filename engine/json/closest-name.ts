/**
 * @module "Did you mean ...?": the registered name closest to a mistyped one.
 */

/**
 * The candidate closest to `input` by edit distance (case-insensitive), or undefined when none is close
 * enough to be a likely typo: 1 edit for names up to 3 characters, else 2 edits or a third of the length,
 * and never more than 3 edits.
 *
 * @example
 * closestName('set-varaible', ['set-variable', 'logger']); // 'set-variable'
 */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  const limit = wanted.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance, where swapping two neighbouring characters counts as one edit. */
export function editDistance(left: string, right: string): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      const removed = table[row - 1][column] + 1;
      const inserted = table[row][column - 1] + 1;
      let distance = Math.min(removed, inserted, table[row - 1][column - 1] + cost);
      const swapped =
        row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1];
      if (swapped) distance = Math.min(distance, table[row - 2][column - 2] + 1);
      table[row][column] = distance;
    }
  }
  return table[rows - 1][columns - 1];
}

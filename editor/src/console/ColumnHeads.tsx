/**
 * @module The header row of a console table: a column per label, and a last one, named for screen readers
 * only, for the row's buttons.
 */

export function ColumnHeads({ labels, actions }: { labels: string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {actions ? (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}

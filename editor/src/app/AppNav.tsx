/**
 * @module The top navigation of the list pages: flows, rules and sources.
 */

export function AppNav({ current }: { current: 'flows' | 'rules' | 'sources' }) {
  return (
    <nav className="app-nav" aria-label="Sections">
      <span className="app-brand">flowbus</span>
      <a href="#/" aria-current={current === 'flows' ? 'page' : undefined}>
        Flows
      </a>
      <a href="#/rules" aria-current={current === 'rules' ? 'page' : undefined}>
        Rules
      </a>
      <a href="#/sources" aria-current={current === 'sources' ? 'page' : undefined}>
        Sources
      </a>
    </nav>
  );
}

/**
 * @module The top navigation of the list pages: flows and rules.
 */

export function AppNav({ current }: { current: 'flows' | 'rules' }) {
  return (
    <nav className="app-nav" aria-label="Sections">
      <span className="app-brand">flowbus</span>
      <a href="#/" aria-current={current === 'flows' ? 'page' : undefined}>
        Flows
      </a>
      <a href="#/rules" aria-current={current === 'rules' ? 'page' : undefined}>
        Rules
      </a>
    </nav>
  );
}

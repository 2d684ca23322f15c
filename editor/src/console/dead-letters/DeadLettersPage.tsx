/**
 * @module The Dead letters page: letters counted per bus, rule and target; the letters of one group (or
 * all), each inspected, re-driven or discarded; "re-drive all" for what is shown.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import {
  discardDeadLetter,
  listDeadLetterGroups,
  listDeadLetters,
  redriveDeadLetter,
  redriveDeadLetters,
  type DeadLetter,
  type DeadLetterFilter,
  type DeadLetterGroup,
  type Page,
} from '../../api/console.js';
import { PageTop } from '../../app/AppNav.js';
import { useHashQuery } from '../../app/use-hash-route.js';
import { Banner } from '../../ui/Banner.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Spinner } from '../../ui/Spinner.js';
import { ColumnHeads } from '../ColumnHeads.js';
import { DeadLetterGroups } from './DeadLetterGroups.js';
import { DeadLetterRow } from './DeadLetterRow.js';

function filterHref(filter: DeadLetterFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1]));
  return params.size > 0 ? `#/dead-letters?${params}` : '#/dead-letters';
}

export function DeadLettersPage() {
  const { t } = useTranslation();
  const params = useHashQuery();
  const key = params.toString();
  const [groups, setGroups] = useState<DeadLetterGroup[]>();
  const [letters, setLetters] = useState<Page<DeadLetter>>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [discarding, setDiscarding] = useState<DeadLetter>();
  const filter: DeadLetterFilter = {
    bus: params.get('bus') ?? undefined,
    rule: params.get('rule') ?? undefined,
    target: params.get('target') ?? undefined,
  };
  const filtered = !!(filter.bus || filter.rule || filter.target);
  const load = useCallback(async () => {
    try {
      const [all, shown] = await Promise.all([listDeadLetterGroups({}), listDeadLetters({ ...filter, limit: 100 })]);
      setGroups(all.groups);
      setLetters(shown);
    } catch (thrown) {
      setError((thrown as Error).message);
    }
    // `filter` is read from `key`, the hash's query text.
  }, [key]);
  useEffect(() => void load(), [load]);
  // The outcome shows once the lists are read again, so what it says and what the lists show agree.
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    let outcome: { notice: string } | { error: string };
    try {
      outcome = { notice: await work() };
    } catch (thrown) {
      outcome = { error: t('deadLetters.redriveFailed', { message: (thrown as Error).message }) };
    }
    await load();
    setBusy(false);
    if ('notice' in outcome) setNotice(outcome.notice);
    else setError(outcome.error);
  };
  const redriveOne = (letter: DeadLetter) =>
    act(async () => {
      await redriveDeadLetter(letter.id);
      return t('deadLetters.redriven', { id: letter.event.id });
    });
  const redriveShown = () =>
    act(async () => {
      const result = await redriveDeadLetters(filter);
      return t('deadLetters.redrivenAll', { delivered: result.delivered, attempted: result.attempted, failed: result.failed.length });
    });
  const heading = filter.rule && filter.target ? t('deadLetters.lettersOf', { rule: filter.rule, target: filter.target }) : t('deadLetters.letters');
  return (
    <div className="list-page console-page">
      <PageTop section="dead-letters" title={t('deadLetters.title')} intro={t('deadLetters.intro')} />
      {error ? <Banner tone="error">{error}</Banner> : null}
      {notice ? (
        <Banner tone="success" onDismiss={() => setNotice(undefined)}>
          {notice}
        </Banner>
      ) : null}
      {groups === undefined && !error ? <Spinner label={t('deadLetters.loading')} /> : null}
      {groups?.length === 0 ? (
        <div className="empty-state">
          <h2>{t('deadLetters.emptyTitle')}</h2>
          <p>{t('deadLetters.emptyText')}</p>
        </div>
      ) : null}
      {groups && groups.length > 0 ? (
        <section className="panel-section" aria-label={t('deadLetters.groups')}>
          <h2>{t('deadLetters.groups')}</h2>
          <DeadLetterGroups groups={groups} onShow={(group) => (window.location.hash = filterHref({ bus: group.bus, rule: group.rule, target: group.target }))} />
        </section>
      ) : null}
      {letters && letters.items.length > 0 ? (
        <section className="panel-section" aria-label={heading}>
          <div className="section-header">
            <h2>{heading}</h2>
            <div className="row-actions">
              {filtered ? (
                <a className="button button-small" href="#/dead-letters">
                  {t('deadLetters.showAll')}
                </a>
              ) : null}
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void redriveShown()}>
                {busy ? t('deadLetters.redriving') : t('deadLetters.redriveAll')}
              </button>
            </div>
          </div>
          <table className="flow-table">
            <ColumnHeads
              labels={['columnFailed', 'columnEvent', 'columnTarget', 'columnAttempts', 'columnLastError'].map((key) => t(`deadLetters.${key}`))}
              actions={t('deadLetters.columnActions')}
            />
            <tbody>
              {letters.items.map((letter) => (
                <DeadLetterRow key={letter.id} letter={letter} busy={busy} onRedrive={() => void redriveOne(letter)} onDiscard={() => setDiscarding(letter)} />
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {discarding ? (
        <ConfirmDialog
          title={t('deadLetters.discardTitle')}
          confirmLabel={t('deadLetters.discard')}
          onClose={() => setDiscarding(undefined)}
          onConfirm={async () => {
            await discardDeadLetter(discarding.id);
            await load();
            setDiscarding(undefined);
            setNotice(t('deadLetters.discarded', { id: discarding.event.id }));
          }}
        >
          <p>{t('deadLetters.discardText', { target: `${discarding.rule} / ${discarding.target}` })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

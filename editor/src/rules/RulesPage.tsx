/**
 * @module The rules of the event buses: their pattern's bus, switch, targets and problems; create and
 * delete (after confirmation).
 */
import { Trans } from 'react-i18next';
import { deleteRule, listRules, type RuleSummary } from '../api/rules.js';
import { useTranslation } from '../i18n/i18n.js';
import { FileListPage, type FileListColumn } from '../ui/FileListPage.js';
import { TargetLinks } from './TargetLinks.js';

const ruleFileName = (rule: RuleSummary) => rule.file ?? `${rule.id}.rule.json`;

function RuleStatus({ rule }: { rule: RuleSummary }) {
  const { t } = useTranslation();
  if (!rule.valid) return <span className="status-pill status-invalid">{t('rules.invalid')}</span>;
  if (rule.enabled) return <span className="status-pill status-published">{t('rules.enabled')}</span>;
  return <span className="status-pill">{t('rules.disabled')}</span>;
}

/** The rules list (`#/rules`); `onCreate` opens a new, unsaved rule of the id and name given. */
export function RulesPage({ onCreate }: { onCreate: (id: string, name: string) => void }) {
  const { t, i18n } = useTranslation();
  const columns: Array<FileListColumn<RuleSummary>> = [
    { heading: t('rules.columnBus'), className: 'mono', cell: (rule) => rule.bus },
    { heading: t('rules.columnTargets'), cell: (rule) => <TargetLinks rule={rule} /> },
    { heading: t('rules.columnStatus'), cell: (rule) => <RuleStatus rule={rule} /> },
  ];
  return (
    <FileListPage
      section="rules"
      noun="rule"
      list={listRules}
      remove={deleteRule}
      fileName={ruleFileName}
      columns={columns}
      onCreate={onCreate}
      texts={{
        title: t('rules.title'),
        intro: t('rules.intro'),
        create: t('rules.newRule'),
        emptyCreate: t('rules.emptyCreate'),
        loading: t('rules.loading'),
        emptyTitle: t('rules.emptyTitle'),
        emptyText: t('rules.emptyText'),
        fileColumn: t('rules.columnRule'),
        actionsColumn: t('rules.columnActions'),
        namePlaceholder: t('rules.namePlaceholder'),
        delete: t('rules.delete'),
        deleteLabel: (id) => t('rules.deleteLabel', { id }),
        deleteTitle: (name) => t('rules.deleteTitle', { name }),
        deleteConfirm: t('rules.deleteConfirm'),
        deleteText: (file) => <Trans i18n={i18n} i18nKey="rules.deleteText" values={{ file }} components={{ code: <code /> }} />,
      }}
    />
  );
}

/**
 * @module The dead letters counted per bus, rule and target, with the newest failure of each.
 */
import { useTranslation } from '../../i18n/i18n.js';
import type { DeadLetterGroup } from '../../api/console.js';
import { timeAgoText } from '../../i18n/format.js';
import { ColumnHeads } from '../ColumnHeads.js';

export interface DeadLetterGroupsProps {
  groups: DeadLetterGroup[];
  onShow: (group: DeadLetterGroup) => void;
}

export function DeadLetterGroups({ groups, onShow }: DeadLetterGroupsProps) {
  const { t, i18n } = useTranslation();
  return (
    <table className="flow-table" aria-label={t('deadLetters.groups')}>
      <ColumnHeads
        labels={['columnBus', 'columnRule', 'columnTarget', 'columnCount', 'columnLastError'].map((key) => t(`deadLetters.${key}`))}
        actions={t('deadLetters.columnActions')}
      />
      <tbody>
        {groups.map((group) => (
          <tr key={`${group.bus}/${group.rule}/${group.target}`} data-group={`${group.rule}/${group.target}`}>
            <td className="mono">{group.bus}</td>
            <td>
              <a className="flow-link" href={`#/rules/${encodeURIComponent(group.rule)}`}>
                {group.rule}
              </a>
            </td>
            <td>
              <span className="mono">{group.target}</span>
              <div className="flow-file">{group.targetType}</div>
            </td>
            <td>{group.count}</td>
            <td className="target-result">
              <span className="execution-error">
                <code>{group.lastError.type}</code> {group.lastError.message}
              </span>
              <div className="flow-file">{timeAgoText(t, group.lastFailedAt, i18n.language)}</div>
            </td>
            <td>
              <button type="button" className="button button-small" aria-label={t('deadLetters.showLabel', { rule: group.rule, target: group.target })} onClick={() => onShow(group)}>
                {t('deadLetters.show')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * @module Step descriptions as readable text: paragraphs, `code` spans and **bold**, nothing else
 * interpreted (descriptions come from step definitions, never from users, but are still not HTML).
 */
import type { ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(match[1] !== undefined ? <code key={match.index}>{match[1]}</code> : <strong key={match.index}>{match[2]}</strong>);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Splits a description into fenced code blocks and paragraphs. */
function blocksOf(text: string): Array<{ code: boolean; text: string }> {
  const blocks: Array<{ code: boolean; text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(/```\w*\n([\s\S]*?)\n?```/g)) {
    for (const paragraph of text.slice(last, match.index).split(/\n\s*\n/)) {
      if (paragraph.trim()) blocks.push({ code: false, text: paragraph.trim() });
    }
    blocks.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  for (const paragraph of text.slice(last).split(/\n\s*\n/)) {
    if (paragraph.trim()) blocks.push({ code: false, text: paragraph.trim() });
  }
  return blocks;
}

/** Renders text with inline code and bold; fenced code blocks as preformatted text. */
export function Markdownish({ text, className, id }: { text: string; className?: string; id?: string }) {
  return (
    <div className={className} id={id}>
      {blocksOf(text).map((block, index) =>
        block.code ? (
          <pre key={index} className="doc-code">
            {block.text}
          </pre>
        ) : (
          <p key={index}>{inline(block.text.replace(/\s*\n\s*/g, ' '))}</p>
        ),
      )}
    </div>
  );
}

import type { SolutionView } from '@lp/domain';
import { markdownToPlain } from '@lp/domain';
import type { PublicComment } from '@lp/persistence';
import { escapeHtml } from './html';
import { renderMarkdown } from './markdown';

/** The form's comment limit; the database refuses more. */
export const MAX_COMMENT_LENGTH = 1_000;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.1rem;margin-top:2rem}.meta{color:#57606a}
.proof{background:#eef7ee;border-radius:6px;padding:.5rem .8rem;display:inline-block}
form{margin-top:1rem;display:grid;gap:.5rem}textarea{width:100%;min-height:4rem}button{font:inherit;padding:.4rem 1rem}
.comments li{margin:.5rem 0}.thanks{background:#fff8c5;padding:.5rem .8rem;border-radius:6px}`;

export interface SolutionPageInput {
  solution: SolutionView;
  comments: PublicComment[];
  canonicalUrl: string;
  /** Show "thanks for your feedback" after the form was sent. */
  voted: boolean;
}

function page(lang: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function customers(n: number): string {
  return `${n} customer${n === 1 ? '' : 's'}`;
}

/** A solution's public page: plain HTML, no script, every user-supplied string escaped. */
export function renderSolutionPage({ solution, comments, canonicalUrl, voted }: SolutionPageInput): string {
  const title = escapeHtml(solution.title);
  const description = escapeHtml(truncate(markdownToPlain(solution.problem), 160));
  const url = escapeHtml(canonicalUrl);
  const lastConfirmed = solution.lastConfirmedAt
    ? `, last confirmed <time datetime="${escapeHtml(solution.lastConfirmedAt)}">${escapeHtml(solution.lastConfirmedAt.slice(0, 10))}</time>`
    : '';
  const head = `<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${url}">
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">`;
  const about = [solution.product, solution.topic]
    .filter((v): v is string => Boolean(v))
    .map(escapeHtml)
    .join(' · ');
  const commentList =
    comments.length === 0
      ? ''
      : `<h2>What customers said</h2>
<ul class="comments">${comments
          .map((c) => `<li>${c.worked ? 'Worked' : 'Did not work'}: ${escapeHtml(c.comment)}</li>`)
          .join('')}</ul>`;
  const body = `<main>
<h1>${title}</h1>
${about ? `<p class="meta">${about}</p>` : ''}
<p class="proof" data-testid="worked-for">Worked for ${customers(solution.workedCount)}${lastConfirmed}</p>
<h2>Problem</h2>
<p>${escapeHtml(solution.problem).replace(/\n/g, '<br>')}</p>
<h2>Fix</h2>
<div class="fix">${renderMarkdown(solution.fix)}</div>
<h2 id="feedback">Did this help?</h2>
${voted ? '<p class="thanks" role="status">Thanks for your feedback.</p>' : ''}
<form method="post" action="/s/${escapeHtml(solution.slug)}/feedback">
<label for="comment">Comment (optional)</label>
<textarea id="comment" name="comment" maxlength="${MAX_COMMENT_LENGTH}"></textarea>
<div><button type="submit" name="worked" value="yes">It worked</button> <button type="submit" name="worked" value="no">It did not work</button></div>
</form>
${commentList}
<p class="meta">Updated ${escapeHtml(solution.updatedAt.slice(0, 10))}${solution.team ? ` by ${escapeHtml(solution.team)}` : ''}</p>
</main>`;
  return page(solution.language, head, body);
}

export function renderMessagePage(title: string, message: string): string {
  return page(
    'en',
    `<title>${escapeHtml(title)}</title>\n<meta name="robots" content="noindex">`,
    `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>`,
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

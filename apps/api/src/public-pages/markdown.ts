import MarkdownIt from 'markdown-it';

/**
 * Markdown for solution fixes, rendered safely: raw HTML is disabled (it shows as text), bare URLs
 * become links, and markdown-it's link validation refuses javascript:, vbscript: and data: URLs.
 * Links open as untrusted user content.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow noopener ugc');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

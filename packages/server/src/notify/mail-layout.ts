import type { NotificationLocale } from './tables.js';

export interface MailSection {
  title: string;
  link?: string | undefined;
  lines: string[];
}

/** What a notification says, before it becomes a text and an HTML body. */
export interface MailContent {
  locale: NotificationLocale;
  subject: string;
  paragraphs: string[];
  quote?: string | undefined;
  link?: { label: string; href: string } | undefined;
  sections?: MailSection[];
  footer: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Only http(s) links are ever written into a message. */
const safeHref = (href: string) => (/^https?:\/\//i.test(href) ? href : undefined);

/**
 * The plain-text and HTML bodies of a notification. Everything people wrote is escaped: a post
 * that contains markup shows it as text, in the message as in the feed.
 */
export function renderMail(content: MailContent): RenderedMail {
  const text: string[] = [...content.paragraphs];
  const html: string[] = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  if (content.quote) {
    text.push('', ...content.quote.split('\n').map((line) => `> ${line}`));
    html.push(`<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px;white-space:pre-wrap">${escapeHtml(content.quote)}</blockquote>`);
  }
  const link = content.link && safeHref(content.link.href) ? content.link : undefined;
  if (link) {
    text.push('', `${link.label}: ${link.href}`);
    html.push(`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`);
  }
  for (const section of content.sections ?? []) {
    const href = section.link && safeHref(section.link);
    text.push('', section.title, '-'.repeat(Math.min(section.title.length, 60)), ...section.lines.map((line) => `- ${line}`));
    if (href) text.push(href);
    const heading = href ? `<a href="${escapeHtml(href)}">${escapeHtml(section.title)}</a>` : escapeHtml(section.title);
    html.push(`<h2 style="font-size:16px">${heading}</h2>`, `<ul>${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`);
  }
  text.push('', '--', content.footer);
  html.push(`<p style="color:#666;font-size:12px">${escapeHtml(content.footer)}</p>`);
  return {
    subject: content.subject.replace(/[\r\n]+/g, ' '),
    text: `${text.join('\n')}\n`,
    html: `<!doctype html><html lang="${content.locale}"><body style="font-family:sans-serif">${html.join('\n')}</body></html>`,
  };
}

import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { signEmbedToken, type SigningAlgorithm } from '@mutual/protocol';
import type { CryptoKey } from 'jose';
import { PEOPLE, SPACE } from './seed.js';

export interface IntranetOptions {
  /** This intranet's own origin (its embed tokens' issuer). */
  origin: string;
  /** The organisation's Mutual server. */
  mutualOrigin: string;
  signingKey: { privateKey: CryptoKey; kid: string; alg: SigningAlgorithm };
  bundlePath: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)} · Contoso intranet</title>
  <link rel="stylesheet" href="/public/intranet.css">
</head>
<body>
  <header class="topbar"><strong>Contoso</strong> intranet</header>
  <main>${body}</main>
</body>
</html>`;

/**
 * The seller's intranet, reduced to what embedding needs: who is signed in (a stand-in for the
 * company's SSO), an endpoint that signs embed tokens for that person, and a page with the widgets.
 */
export function createIntranet(options: IntranetOptions) {
  const app = new Hono();
  const bundle = readFileSync(options.bundlePath);
  const people = new Map<string, (typeof PEOPLE)[number]>(PEOPLE.map((person) => [person.id, person]));

  const tokenFor = (person: (typeof PEOPLE)[number]) =>
    signEmbedToken({
      issuer: options.origin,
      audience: options.mutualOrigin,
      person: person.id,
      name: person.name,
      ...options.signingKey,
      ttlSeconds: 300,
    });

  /** The groups this person may open, asked of Mutual with their own token: Mutual decides. */
  async function groupsOf(person: (typeof PEOPLE)[number]): Promise<Array<{ id: string; name: string }>> {
    const response = await fetch(`${options.mutualOrigin}/api/spaces/${SPACE}`, {
      headers: { Authorization: `Bearer ${await tokenFor(person)}` },
    });
    if (!response.ok) return [];
    return ((await response.json()) as { groups: Array<{ id: string; name: string }> }).groups;
  }


  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.use(
    '*',
    secureHeaders({
      // A strict policy: the widgets need no inline script or style attribute, and talk to one server.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        connectSrc: ["'self'", options.mutualOrigin],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );

  app.get('/', (c) => {
    const who = people.get(getCookie(c, 'who') ?? '');
    if (who) return c.redirect('/evaluation');
    const choices = PEOPLE.map(
      (person) =>
        `<li><form method="post" action="/sign-in"><input type="hidden" name="person" value="${escape(person.id)}">` +
        `<button type="submit"><span class="name">${escape(person.name)}</span><span class="title">${escape(person.title)}</span></button></form></li>`,
    ).join('');
    return c.html(
      layout(
        'Sign in',
        `<h1>Sign in</h1><p class="hint">In production this is your company's single sign-on. Pick a colleague:</p><ul class="people">${choices}</ul>`,
      ),
    );
  });

  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const person = people.get(String(form.person ?? ''));
    if (!person) return c.text('unknown person', 400);
    setCookie(c, 'who', person.id, { httpOnly: true, sameSite: 'Strict', path: '/' });
    return c.redirect('/evaluation');
  });

  app.post('/sign-out', (c) => {
    deleteCookie(c, 'who', { path: '/' });
    return c.redirect('/');
  });

  // The host app's half of embedding: sign a short-lived token for the signed-in person.
  // Same-origin only (the cookie is SameSite=Strict and a custom header is required).
  app.post('/mutual-token', async (c) => {
    const person = people.get(getCookie(c, 'who') ?? '');
    if (!person) return c.json({ error: 'not signed in' }, 401);
    if (c.req.header('X-Requested-With') !== 'mutual') return c.json({ error: 'missing header' }, 400);
    c.header('Cache-Control', 'no-store');
    return c.json({ token: await tokenFor(person) });
  });

  app.get('/evaluation', async (c) => {
    const who = people.get(getCookie(c, 'who') ?? '');
    if (!who) return c.redirect('/');
    const groups = await groupsOf(who);
    const group = groups.find((g) => g.id === c.req.query('group')) ?? groups[0];
    if (!group) return c.html(layout('Evaluation', `<p>${escape(who.name)} is in no group of this evaluation yet.</p>`));
    const tabs = groups
      .map((g) => `<a href="?group=${encodeURIComponent(g.id)}"${g.id === group.id ? ' aria-current="page"' : ''}>${escape(g.name)}</a>`)
      .join('');
    return c.html(
      layout(
        'Evaluation',
        `<div class="who">Signed in as <strong>${escape(who.name)}</strong> — ${escape(who.title)}
           <form method="post" action="/sign-out"><button>Sign out</button></form></div>
         <h1>Northwind Manufacturing — plant analytics</h1>
         <nav class="tabs" aria-label="Groups">${tabs}</nav>
         <mutual-space server="${escape(options.mutualOrigin)}" space="${SPACE}">
           <mutual-group-feed group="${escape(group.id)}"></mutual-group-feed>
         </mutual-space>
         <script type="module" src="/public/mutual-elements.js"></script>
         <script type="module" src="/public/embed.js"></script>`,
      ),
    );
  });

  app.get('/public/mutual-elements.js', (c) => c.body(bundle, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/public/embed.js', (c) =>
    c.body(readFileSync(new URL('../public/embed.js', import.meta.url)), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/public/intranet.css', (c) =>
    c.body(readFileSync(new URL('../public/intranet.css', import.meta.url)), 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );
  return app;
}

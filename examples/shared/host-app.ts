import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { compareWorkstreams, signEmbedToken, type SigningKey } from '@mutual/protocol';
// The widgets' own names for the standard groups, so the host's tabs read like the widgets do.
import { groupDisplayName } from '../../packages/elements/src/i18n/group-names.js';

/** Someone who can sign in to the host app (in production: the company's directory, via SSO). */
export interface HostPerson {
  id: string;
  name: string;
  title: string;
}

export interface HostAppOptions {
  /** How the host app presents itself. */
  brand: { company: string; kind: string; lang: 'en' | 'fr'; stylesheet: URL };
  /** This host app's origin: the `iss` of the embed tokens it signs. */
  origin: string;
  /** Its organisation's own Mutual server (the only one its pages talk to). */
  mutualOrigin: string;
  space: { id: string; title: string };
  people: readonly HostPerson[];
  /** The host app's private key; Mutual holds only the public half. */
  signingKey: SigningKey;
  /** The widgets' bundle, built by `npm run build`. */
  bundlePath: string;
}

interface MyGroup {
  id: string;
  name: string;
  kind: 'plan' | 'steering' | 'workstream' | 'internal';
  workstream?: string;
}

/**
 * Tabs in the order of an evaluation: the plan, steering, the workstreams as the board orders its
 * lanes, internal groups last. Mutual lists groups in the order they were created, which for a
 * partner's groups is when they arrived.
 */
const KIND_ORDER: Record<MyGroup['kind'], number> = { plan: 0, steering: 1, workstream: 2, internal: 3 };
function compareTabs(a: MyGroup, b: MyGroup): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareWorkstreams(a.workstream ?? '', b.workstream ?? '') || a.name.localeCompare(b.name);
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const script = (path: string) => `<script type="module" src="${path}"></script>`;

/**
 * A company's host application, reduced to what embedding Mutual needs: who is signed in (a
 * stand-in for SSO), an endpoint that signs short-lived embed tokens for that person, and pages
 * that embed the widgets under a strict Content-Security-Policy.
 */
export function createHostApp(options: HostAppOptions) {
  const app = new Hono();
  const people = new Map(options.people.map((person) => [person.id, person]));
  const bundle = readFileSync(options.bundlePath);
  const embedScript = readFileSync(new URL('./public/embed.js', import.meta.url));
  const stylesheet = readFileSync(options.brand.stylesheet);
  const { brand } = options;
  const t = (en: string, fr: string) => (brand.lang === 'fr' ? fr : en);

  // Who is signed in: a stand-in for your single sign-on, kept the way a session should be. The
  // cookie holds an opaque random id that only this process can map to a person (a cookie naming
  // the person could be edited to anyone), and each app has its own cookie name (cookies ignore
  // ports, and the two examples share 127.0.0.1). Behind https, add `secure: true` and the
  // `__Host-` prefix.
  const sessions = new Map<string, HostPerson>();
  const SESSION = `${brand.kind.toLowerCase().replace(/[^a-z]+/g, '-')}-session`;
  const signedIn = (cookie: string | undefined) => (cookie ? sessions.get(cookie) : undefined);
  // Sign-in and sign-out change state: only from this app's own pages (no login CSRF). Browsers say
  // where a request comes from in Sec-Fetch-Site; `Origin` is "null" on these forms, since the
  // pages send no referrer, so a browser without Sec-Fetch-Site (Safari before 16.4) cannot sign
  // in here. Your SSO has its own protection.
  const fromHere = (c: Context) => {
    const site = c.req.header('Sec-Fetch-Site');
    return site ? site === 'same-origin' : c.req.header('Origin') === options.origin;
  };
  const tokenFor = (person: HostPerson) =>
    signEmbedToken({
      issuer: options.origin,
      audience: options.mutualOrigin,
      person: person.id,
      name: person.name,
      // Where Mutual may e-mail this person, and in which language (docs/notifications.md). The
      // example people's ids are their addresses; the examples configure no SMTP, so nothing is sent.
      email: person.id,
      locale: brand.lang,
      privateKey: options.signingKey.key,
      kid: options.signingKey.kid,
      alg: options.signingKey.alg,
      ttlSeconds: 300,
    });

  /** The groups this person may open, asked of Mutual with their own token: Mutual decides. */
  async function groupsOf(person: HostPerson): Promise<MyGroup[]> {
    const response = await fetch(`${options.mutualOrigin}/api/spaces/${encodeURIComponent(options.space.id)}`, {
      headers: { Authorization: `Bearer ${await tokenFor(person)}` },
    });
    return response.ok ? ((await response.json()) as { groups: MyGroup[] }).groups : [];
  }

  const page = (title: string, body: string) => `<!doctype html>
<html lang="${brand.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)} · ${escape(brand.company)}</title>
  <link rel="stylesheet" href="/public/site.css">
</head>
<body>
  <header class="topbar"><span class="company">${escape(brand.company)}</span> <span class="kind">${escape(brand.kind)}</span></header>
  <main>${body}</main>
</body>
</html>`;

  app.use(
    '*',
    secureHeaders({
      // Strict: no inline script or style anywhere; the widgets talk to one Mutual server only.
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

  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/public/mutual-elements.js', (c) => c.body(bundle, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  // What the bundle loads on demand (the French strings), beside it; file names are content hashes.
  const chunks = join(dirname(options.bundlePath), 'chunks');
  app.get('/public/chunks/:file{[\\w.-]+\\.js}', (c) => {
    const path = join(chunks, c.req.param('file'));
    if (!existsSync(path)) return c.notFound();
    return c.body(readFileSync(path), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
  app.get('/public/embed.js', (c) => c.body(embedScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/public/site.css', (c) => c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.get('/', (c) => {
    if (signedIn(getCookie(c, SESSION))) return c.redirect('/evaluation');
    const choices = options.people
      .map(
        (person) =>
          `<li><form method="post" action="/sign-in"><input type="hidden" name="person" value="${escape(person.id)}">` +
          `<button type="submit"><span class="name">${escape(person.name)}</span><span class="title">${escape(person.title)}</span></button></form></li>`,
      )
      .join('');
    const hint = t("In production this is your company's single sign-on. Pick a colleague:", "En production, c'est l'authentification unique de votre entreprise. Choisissez un collègue :");
    return c.html(page(t('Sign in', 'Connexion'), `<h1>${t('Sign in', 'Connexion')}</h1><p class="hint">${hint}</p><ul class="people">${choices}</ul>`));
  });

  app.post('/sign-in', async (c) => {
    if (!fromHere(c)) return c.text('sign in from this site', 403);
    const person = people.get(String((await c.req.parseBody()).person ?? ''));
    if (!person) return c.text('unknown person', 400);
    // A new id at each sign-in (the previous one ends), and a bound on how many a demo keeps.
    const previous = getCookie(c, SESSION);
    if (previous) sessions.delete(previous);
    if (sessions.size >= 10_000) sessions.delete(sessions.keys().next().value!);
    const session = randomBytes(32).toString('base64url');
    sessions.set(session, person);
    setCookie(c, SESSION, session, { httpOnly: true, sameSite: 'Strict', path: '/' });
    return c.redirect('/evaluation');
  });

  app.post('/sign-out', (c) => {
    if (!fromHere(c)) return c.text('sign out from this site', 403);
    const session = getCookie(c, SESSION);
    if (session) sessions.delete(session);
    deleteCookie(c, SESSION, { path: '/' });
    return c.redirect('/');
  });

  // The host app's half of embedding: a short-lived token for the signed-in person. Same-origin
  // only: the session cookie is SameSite=Strict and a custom header is required.
  app.post('/mutual-token', async (c) => {
    const person = signedIn(getCookie(c, SESSION));
    if (!person) return c.json({ error: 'not signed in' }, 401);
    if (c.req.header('X-Requested-With') !== 'mutual') return c.json({ error: 'missing header' }, 400);
    c.header('Cache-Control', 'no-store');
    return c.json({ token: await tokenFor(person) });
  });

  app.get('/evaluation', async (c) => {
    const who = signedIn(getCookie(c, SESSION));
    if (!who) return c.redirect('/');
    const groups = await groupsOf(who);
    const view = c.req.query('view') ?? 'plan';
    // The page shows what was asked for; whether the person may see it is Mutual's to decide.
    const group = c.req.query('group') ?? groups.find((g) => g.kind === 'plan')?.id ?? groups[0]?.id ?? '';
    const link = (href: string, label: string, current: boolean) =>
      `<a href="${href}"${current ? ' aria-current="page"' : ''}>${escape(label)}</a>`;
    const nav = [
      link('?view=plan', t('Action plan', "Plan d'action"), view === 'plan'),
      ...(groups.some((g) => g.kind === 'steering') ? [link('?view=cockpit', t('Cockpit', 'Cockpit'), view === 'cockpit')] : []),
      ...[...groups].sort(compareTabs).map((g) => link(`?view=feed&group=${encodeURIComponent(g.id)}`, groupDisplayName(g, brand.lang), view === 'feed' && g.id === group)),
    ].join('');
    const widget =
      view === 'cockpit'
        ? '<mutual-decider-cockpit></mutual-decider-cockpit>'
        : view === 'feed'
          ? `<mutual-group-feed group="${escape(group)}"></mutual-group-feed>`
          : '<mutual-workstream-board></mutual-workstream-board>';
    return c.html(
      page(
        options.space.title,
        `<div class="who">${t('Signed in as', 'Connecté en tant que')} <strong>${escape(who.name)}</strong> — ${escape(who.title)}
           <form method="post" action="/sign-out"><button>${t('Sign out', 'Déconnexion')}</button></form></div>
         <h1>${escape(options.space.title)}</h1>
         <nav class="tabs" aria-label="${t('Evaluation', 'Évaluation')}">${nav}</nav>
         <mutual-space server="${escape(options.mutualOrigin)}" space="${escape(options.space.id)}">${widget}</mutual-space>
         ${script('/public/mutual-elements.js')}${script('/public/embed.js')}`,
      ),
    );
  });

  return app;
}

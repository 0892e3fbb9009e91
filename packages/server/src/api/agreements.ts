import {
  AgreementListSchema,
  AgreementSchema,
  agreementTerms,
  MutualError,
  newId,
  NewAgreementSchema,
  signAgreement,
} from '@mutual/protocol';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Federation } from '../federation/federation.js';
import type { Agreement, Store } from '../store/store.js';
import { requireMember, requireWriter } from './access.js';
import { agreementView } from './agreement-view.js';
import type { AppDeps, AppEnv } from './context.js';
import { body, json, problems, queued, security } from './openapi.js';

const GroupParams = z.object({ group: z.string().max(64) });
const AgreementParams = GroupParams.extend({ agreement: z.string().max(64) });
const errors = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };

const listAgreements = createRoute({
  method: 'get',
  path: '/groups/{group}/agreements',
  tags: ['agreements'],
  summary: 'Milestones and success criteria committed by both organisations, with their signatures',
  security,
  request: { params: GroupParams },
  responses: { 200: json(AgreementListSchema, 'Agreements, oldest first'), ...errors },
});

const propose = createRoute({
  method: 'post',
  path: '/groups/{group}/agreements',
  tags: ['agreements'],
  summary: 'Propose a milestone or success criterion, signed by my organisation',
  security,
  request: { params: GroupParams, ...body(NewAgreementSchema) },
  responses: { 201: json(AgreementSchema, 'The proposal'), ...queued, ...errors },
});

const countersign = createRoute({
  method: 'post',
  path: '/groups/{group}/agreements/{agreement}/countersign',
  tags: ['agreements'],
  summary: "Countersign the other organisation's proposal: both are then bound by the same terms",
  security,
  request: { params: AgreementParams },
  responses: { 200: json(AgreementSchema, 'The agreement, committed'), ...queued, ...errors, 409: problems[409] },
});

export function agreementRoutes({ store, writer, config }: AppDeps, federation: Federation) {
  const domain = config.organisation.domain;
  const { keys } = federation.deps;
  const view = (group: { id: string; space: string }, agreement: Agreement) => agreementView(federation, group, agreement);

  return new OpenAPIHono<AppEnv>()
    .openapi(listAgreements, async (c) => {
      const { group } = c.req.valid('param');
      const access = await requireMember(store, group, c.var.person);
      const agreements = await store.listAgreements(group);
      return c.json({ agreements: await Promise.all(agreements.map((a) => view(access.group, a))) }, 200);
    })
    .openapi(propose, async (c) => {
      const { group } = c.req.valid('param');
      const fields = c.req.valid('json');
      const access = await requireWriter(store, group, c.var.person);
      const parties = await partiesOf(store, access.group.space, access.group.kind);
      const agreement = newId();
      const terms = agreementTerms(access.group, { agreement, ...fields, parties });
      const signature = await signAgreement(terms, domain, await keys.signingKey());
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'agreement.proposed',
        body: { agreement, ...fields, parties: terms.parties, by: domain, signature },
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ref: agreement }, 202);
      return c.json(await view(access.group, (await store.getAgreement(group, agreement))!), 201);
    })
    .openapi(countersign, async (c) => {
      const { group, agreement: id } = c.req.valid('param');
      const access = await requireWriter(store, group, c.var.person);
      const agreement = await store.getAgreement(group, id);
      if (!agreement) throw new MutualError('not_found', 'no such agreement in this group');
      if (agreement.countersignature) throw new MutualError('conflict', 'this agreement is already countersigned');
      if (agreement.proposedBy === domain || !agreement.parties.includes(domain)) {
        throw new MutualError('forbidden', 'only the other organisation countersigns');
      }
      const terms = agreementTerms(access.group, { ...agreement, agreement: agreement.id });
      const signature = await signAgreement(terms, domain, await keys.signingKey());
      const result = await writer.write({
        space: access.group.space,
        group,
        author: c.var.person,
        type: 'agreement.countersigned',
        body: { agreement: id, by: domain, signature },
      }, access);
      if (result.status === 'queued') return c.json({ status: 'queued' as const, event: result.id, ref: id }, 202);
      return c.json(await view(access.group, (await store.getAgreement(group, id))!), 200);
    });
}

/** Agreements bind the space's two organisations, in a group both can see. */
async function partiesOf(store: Store, spaceId: string, kind: string): Promise<string[]> {
  if (kind === 'internal') throw new MutualError('forbidden', 'agreements are made in groups both organisations share');
  const space = await store.getSpace(spaceId);
  if (!space) throw new MutualError('not_found', 'no such space');
  return [space.seller, space.buyer].sort();
}

import { STANDARD_GROUPS } from '../admin/standard-groups.js';
import type { SpaceTemplate, TemplateGroup } from './template.js';

type FirstSteps = Pick<TemplateGroup, 'tasks' | 'milestones'>;

/**
 * The usual first steps of each standard group in a complex B2B evaluation (as the example
 * evaluation in examples/seed/ plays them out), due in days from the space's first day.
 */
const FIRST_STEPS: Record<string, FirstSteps> = {
  plan: {
    tasks: [
      { id: 'kickoff', title: 'Kick-off workshop', status: 'todo', dueInDays: 7 },
      { id: 'weekly-sync', title: 'Set the weekly sync', status: 'todo', dueInDays: 7 },
      { id: 'action-plan', title: 'Agree the mutual action plan', status: 'todo', deliverable: 'Mutual action plan v1', dueInDays: 10 },
    ],
    milestones: [{ id: 'plan-agreed', title: 'Kick-off and mutual action plan agreed', inDays: 10 }],
  },
  steering: {
    tasks: [
      { id: 'decision-process', title: 'Confirm the decision process and signatories', status: 'todo', dueInDays: 14 },
      { id: 'go-criteria', title: 'Agree the go/no-go criteria and the decision date', status: 'todo', dueInDays: 14 },
    ],
    milestones: [],
  },
  proof: {
    tasks: [
      { id: 'proof-scope', title: 'Agree the proof scope and the test data', status: 'todo', deliverable: 'Proof scope', dueInDays: 10 },
      { id: 'proof-environment', title: 'Provision the evaluation environment', status: 'todo', deliverable: 'Environment URL and named accounts', dueInDays: 14 },
      { id: 'security-questionnaire', title: 'Answer the security questionnaire', status: 'todo', deliverable: 'Answers and evidence pack', dueInDays: 21 },
      { id: 'proof-readout', title: 'Proof readout against the success criteria', status: 'todo', deliverable: 'Readout deck', dueInDays: 42 },
    ],
    milestones: [{ id: 'proof-readout', title: 'Proof readout', inDays: 42 }],
  },
  implementation: {
    tasks: [
      { id: 'requirements', title: 'Network and integration requirements', status: 'todo', dueInDays: 21 },
      { id: 'rollout-plan', title: 'Draft the rollout plan', status: 'todo', deliverable: 'Rollout plan v1', dueInDays: 28 },
      { id: 'support-training', title: 'Support model and training plan', status: 'todo', deliverable: 'Support RACI and training plan', dueInDays: 35 },
    ],
    milestones: [],
  },
  'success-criteria': {
    tasks: [
      { id: 'draft-criteria', title: 'Draft the success criteria', status: 'todo', deliverable: 'Criteria v1', dueInDays: 7 },
      { id: 'baseline', title: 'Agree the baseline figures', status: 'todo', dueInDays: 14 },
      { id: 'sign-criteria', title: 'Sign off the success criteria (both sides)', status: 'todo', deliverable: 'Signed criteria', dueInDays: 21 },
    ],
    milestones: [{ id: 'criteria-signed', title: 'Success criteria signed by both sides', inDays: 21 }],
  },
  'business-case': {
    tasks: [
      { id: 'cost-today', title: 'Cost of the problem today', status: 'todo', dueInDays: 14 },
      { id: 'roi-model', title: 'ROI model', status: 'todo', deliverable: 'ROI model v1', dueInDays: 28 },
      { id: 'finance-review', title: 'Finance review of the business case', status: 'todo', dueInDays: 42 },
    ],
    milestones: [],
  },
  contract: {
    tasks: [
      { id: 'send-paper', title: 'Send the MSA, order form and DPA', status: 'todo', dueInDays: 7 },
      { id: 'pricing', title: 'Pricing proposal', status: 'todo', deliverable: 'Proposal', dueInDays: 21 },
      { id: 'security-annex', title: 'Data-protection and security annex', status: 'todo', dueInDays: 28 },
      { id: 'final-terms', title: 'Final price and terms for signature', status: 'todo', deliverable: 'Final offer', dueInDays: 49 },
    ],
    milestones: [{ id: 'terms-agreed', title: 'Contract terms agreed', inDays: 49 }],
  },
  internal: { tasks: [], milestones: [] },
};

/** The template every new space starts from unless told otherwise: the standard groups and their first steps. */
export const DEFAULT_TEMPLATE: SpaceTemplate = {
  id: 'default',
  name: 'Standard evaluation',
  description: 'Overall plan, steering, the five standard workstreams and an internal group, with their usual first tasks.',
  groups: STANDARD_GROUPS.map((group) => ({
    slug: group.slug,
    kind: group.kind,
    ...(group.workstream && { workstream: group.workstream }),
    name: group.name,
    ...(FIRST_STEPS[group.slug] ?? { tasks: [], milestones: [] }),
  })),
};

/** A template with the standard groups and nothing in them. */
export const EMPTY_TEMPLATE: SpaceTemplate = {
  id: 'empty',
  name: 'Standard groups only',
  groups: DEFAULT_TEMPLATE.groups.map((group) => ({ ...group, tasks: [], milestones: [] })),
};

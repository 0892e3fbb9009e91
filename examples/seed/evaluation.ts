// One realistic evaluation, as data: Contoso Software (the seller, plant-analytics software)
// and Northwind Manufacturing (the buyer, three plants, the pilot at Lyon) five weeks into an
// evaluation that should end in a decision in about six weeks. `apply-seed.ts` writes it through
// the two organisations' own servers. Dates are day offsets from "today" so the seed never ages.
//
// Watertightness is part of the story: the seller's price floor lives only in its deal-team group,
// the buyer's budget ceiling only in its buying committee. No shared text may hint at either.
import type { GroupKind, Role, TaskStatus } from '@mutual/protocol';

/** Which of the two organisations a thing belongs to. */
export type Side = 'seller' | 'buyer';
/** The language a post or reply is written in (people write in their own). */
export type Lang = 'en' | 'fr';

export interface SeedPerson {
  /** `name@domain`; the domain says which organisation is the authority on the person. */
  id: string;
  name: string;
  /** Job title, as the person's own organisation states it. */
  title: string;
}

export interface SeedOrganisationData {
  domain: string;
  name: string;
  people: SeedPerson[];
}

export interface SeedMember {
  person: string;
  role: Role;
}

export interface SeedGroup {
  /** The last part of the group id: `<space>.<slug>`. */
  slug: string;
  kind: GroupKind;
  /** Set for workstream groups. */
  workstream?: string;
  name: string;
  /** The organisation whose server homes (creates and orders) the group. */
  home: Side;
  members: SeedMember[];
}

export interface SeedTask {
  /** Stable task id (readable, unique in the space). */
  id: string;
  /** Slug of the group the task lives in. */
  group: string;
  title: string;
  owner: string;
  /** Who wrote the task on the board; defaults to the owner. */
  createdBy?: string;
  /** Due date, in days from today (negative: in the past). */
  due: number;
  status: TaskStatus;
  deliverable?: string;
}

export interface SeedMilestone {
  id: string;
  group: string;
  title: string;
  /** In days from today. */
  date: number;
  done: boolean;
  /** Who set it (written through that person's own server). */
  setBy: string;
}

export interface SeedReaction {
  by: string;
  emoji: string;
}

export interface SeedReply {
  author: string;
  lang: Lang;
  text: string;
  reactions?: SeedReaction[];
}

export interface SeedPost {
  /** Slug of the group. */
  group: string;
  author: string;
  lang: Lang;
  /**
   * When it was written: `day` days from today (≤ 0) at `hour` o'clock. The writer stamps real
   * events with its own clock; this orders the posts (oldest first) and tells the story.
   */
  at: { day: number; hour: number };
  text: string;
  replies?: SeedReply[];
  reactions?: SeedReaction[];
}

export interface SeedEvaluation {
  space: { id: string; name: string; stage: 'discovery' | 'evaluation' | 'proposal' | 'negotiation'; decisionInDays: number };
  seller: SeedOrganisationData;
  buyer: SeedOrganisationData;
  groups: SeedGroup[];
  tasks: SeedTask[];
  milestones: SeedMilestone[];
  /** Oldest first. */
  posts: SeedPost[];
  /**
   * Phrases that must never leave home: each appears only in its side's own internal group
   * (the tests look for them in the other side's database).
   */
  secrets: { seller: string[]; buyer: string[] };
}

// ---------------------------------------------------------------------------------------------
// People

const alice = 'alice@seller.example';
const sam = 'sam@seller.example';
const lea = 'lea@seller.example';
const victor = 'victor@seller.example';
const grace = 'grace@seller.example';
const priya = 'priya@seller.example';

const dana = 'dana@buyer.example';
const ivan = 'ivan@buyer.example';
const sofia = 'sofia@buyer.example';
const claire = 'claire@buyer.example';
const marc = 'marc@buyer.example';
const julien = 'julien@buyer.example';
const nadia = 'nadia@buyer.example';
const helen = 'helen@buyer.example';

/** The ids other code refers to. */
export const PEOPLE = { alice, sam, lea, victor, grace, priya, dana, ivan, sofia, claire, marc, julien, nadia, helen } as const;

const SPACE_ID = 'northwind-2027';

/** Oldest first; posts of the same hour keep the order they are written in. */
function chronological(posts: SeedPost[]): SeedPost[] {
  return [...posts].sort((a, b) => a.at.day - b.at.day || a.at.hour - b.at.hour);
}

const lead = (person: string): SeedMember => ({ person, role: 'lead' });
const member = (person: string): SeedMember => ({ person, role: 'member' });

// ---------------------------------------------------------------------------------------------

export const EVALUATION: SeedEvaluation = {
  space: { id: SPACE_ID, name: 'Northwind Manufacturing — plant analytics', stage: 'evaluation', decisionInDays: 45 },

  seller: {
    domain: 'seller.example',
    name: 'Contoso Software',
    people: [
      { id: alice, name: 'Alice Martin', title: 'Account executive, manufacturing' },
      { id: sam, name: 'Sam Okafor', title: 'Senior solutions engineer' },
      { id: lea, name: 'Léa Rousseau', title: 'Implementation consultant' },
      { id: victor, name: 'Victor Lambert', title: 'Legal counsel' },
      { id: grace, name: 'Grace Whitfield', title: 'VP Sales EMEA (executive sponsor)' },
      { id: priya, name: 'Priya Nair', title: 'Value engineer' },
    ],
  },

  buyer: {
    domain: 'buyer.example',
    name: 'Northwind Manufacturing',
    people: [
      { id: dana, name: 'Dana Schmidt', title: 'Head of operations' },
      { id: ivan, name: 'Ivan Petrov', title: 'IT architect' },
      { id: sofia, name: 'Sofia Marchetti', title: 'Information security officer' },
      { id: claire, name: 'Claire Dubois', title: 'Contrôleuse de gestion industrielle' },
      { id: marc, name: 'Marc Lefèvre', title: 'Acheteur IT et services' },
      { id: julien, name: 'Julien Moreau', title: "Directeur de l'usine de Lyon" },
      { id: nadia, name: 'Nadia Benali', title: 'Responsable maintenance, Lyon' },
      { id: helen, name: 'Helen Carter', title: 'Chief financial officer' },
    ],
  },

  groups: [
    {
      slug: 'plan',
      kind: 'plan',
      name: 'Overall plan',
      home: 'seller',
      members: [lead(alice), lead(dana), ...[sam, lea, victor, grace, priya, ivan, sofia, claire, marc, julien, nadia, helen].map(member)],
    },
    { slug: 'steering', kind: 'steering', name: 'Steering', home: 'seller', members: [lead(alice), lead(dana)] },
    {
      slug: 'proof',
      kind: 'workstream',
      workstream: 'proof',
      name: 'Proof',
      home: 'seller',
      members: [lead(sam), lead(ivan), member(alice), member(lea), member(sofia), member(julien), member(nadia)],
    },
    {
      slug: 'implementation',
      kind: 'workstream',
      workstream: 'implementation',
      name: 'Implementation plan',
      home: 'seller',
      members: [lead(lea), lead(julien), member(alice), member(sam), member(ivan), member(sofia), member(nadia)],
    },
    {
      slug: 'success-criteria',
      kind: 'workstream',
      workstream: 'success-criteria',
      name: 'Success criteria',
      home: 'seller',
      members: [lead(alice), lead(dana), member(sam), member(julien), member(claire)],
    },
    {
      slug: 'business-case',
      kind: 'workstream',
      workstream: 'business-case',
      name: 'Business case',
      home: 'seller',
      members: [lead(priya), lead(claire), member(alice), member(dana), member(helen)],
    },
    {
      slug: 'contract',
      kind: 'workstream',
      workstream: 'contract',
      name: 'Contract & terms',
      home: 'seller',
      members: [lead(victor), lead(marc), member(alice), member(sofia)],
    },
    {
      slug: 'internal',
      kind: 'internal',
      name: 'Deal team',
      home: 'seller',
      members: [lead(alice), member(sam), member(lea), member(victor), member(grace), member(priya)],
    },
    {
      slug: 'committee',
      kind: 'internal',
      name: 'Buying committee',
      home: 'buyer',
      members: [lead(dana), member(helen), member(claire), member(marc), member(ivan), member(sofia), member(julien)],
    },
  ],

  tasks: [
    // Proof
    { id: 'proof-01', group: 'proof', title: 'Provision the PoC tenant (EU region, Frankfurt)', owner: sam, due: -30, status: 'done', deliverable: 'PoC tenant URL and named accounts' },
    { id: 'proof-02', group: 'proof', title: 'Install the OPC UA edge gateway in the Lyon DMZ', owner: ivan, due: -26, status: 'done', deliverable: 'Gateway VM, outbound HTTPS only' },
    { id: 'proof-03', group: 'proof', title: 'Extract 6 months of historian data for line 3', owner: ivan, due: -24, status: 'done', deliverable: 'Parquet extract, 1,180 tags at 1-minute resolution' },
    { id: 'proof-04', group: 'proof', title: 'Export SAP PM notifications and work orders (2 years, line 3)', owner: nadia, due: -23, status: 'done', deliverable: 'CSV export' },
    { id: 'proof-05', group: 'proof', title: 'Map historian tags to the asset hierarchy', owner: sam, due: -19, status: 'done', deliverable: 'Tag-to-asset mapping sheet (214 assets)' },
    { id: 'proof-06', group: 'proof', title: 'Label the unplanned stops of months 5–6 (ground truth)', owner: nadia, due: -11, status: 'done', deliverable: '23 stops labelled' },
    { id: 'proof-07', group: 'proof', title: 'Answer the security questionnaire (SIG Lite + OT annex)', owner: sam, due: -10, status: 'done', deliverable: '186 answers and evidence pack' },
    { id: 'proof-08', group: 'proof', title: 'Train the downtime models and run the blind replay', owner: sam, due: -8, status: 'done', deliverable: 'Replay report v1' },
    { id: 'proof-09', group: 'proof', title: 'Validate alert thresholds with the maintenance team', owner: nadia, due: -2, status: 'doing' },
    { id: 'proof-10', group: 'proof', title: 'Review the pen-test report and the SOC 2 Type II report', owner: sofia, due: -3, status: 'doing', deliverable: 'Review notes and remediation asks' },
    { id: 'proof-11', group: 'proof', title: 'Test SSO (Entra ID, OIDC) on the PoC tenant', owner: ivan, due: -1, status: 'blocked', deliverable: 'SSO test record' },
    { id: 'proof-12', group: 'proof', title: 'OEE (TRS) dashboard by shift for line 3', owner: sam, due: 2, status: 'doing', deliverable: 'Dashboard by shift, day and week' },
    { id: 'proof-13', group: 'proof', title: 'Two-week shadow run on line 3', owner: julien, due: 9, status: 'doing', deliverable: 'Weekly scorecards' },
    { id: 'proof-14', group: 'proof', title: 'Short alert-workflow session for the night shift', owner: lea, due: 4, status: 'todo' },
    { id: 'proof-15', group: 'proof', title: 'Security review sign-off', owner: sofia, due: 5, status: 'todo', deliverable: 'Signed security review memo' },
    { id: 'proof-16', group: 'proof', title: 'PoC readout: results against the success criteria', owner: sam, due: 8, status: 'todo', deliverable: 'Readout deck' },

    // Implementation
    { id: 'impl-01', group: 'implementation', title: 'Rollout plan for Lyon, Bremen and Pilsen', owner: lea, due: -6, status: 'done', deliverable: 'Rollout plan v1 (three waves)' },
    { id: 'impl-02', group: 'implementation', title: 'Nominate one champion per plant', owner: julien, due: -12, status: 'done' },
    { id: 'impl-03', group: 'implementation', title: 'Check historian versions at Bremen and Pilsen', owner: ivan, due: -17, status: 'done' },
    { id: 'impl-04', group: 'implementation', title: 'Network requirements per plant', owner: ivan, due: -15, status: 'done', deliverable: 'Gateway sizing and network flows' },
    { id: 'impl-05', group: 'implementation', title: 'SAP PM integration design (OData read, notification write-back)', owner: lea, due: 2, status: 'doing', deliverable: 'Integration design document' },
    { id: 'impl-06', group: 'implementation', title: 'Approve the SAP write-back authorisations', owner: ivan, due: -4, status: 'blocked', deliverable: 'Technical user with a narrow role' },
    { id: 'impl-07', group: 'implementation', title: 'Firewall change requests for Bremen and Pilsen', owner: ivan, due: 12, status: 'todo' },
    { id: 'impl-08', group: 'implementation', title: 'Support model (L1 Northwind, L2/L3 Contoso)', owner: lea, due: 3, status: 'doing', deliverable: 'Support RACI' },
    { id: 'impl-09', group: 'implementation', title: 'Training plan: technicians, planners, managers', owner: lea, due: 14, status: 'todo', deliverable: 'Training plan' },
    { id: 'impl-10', group: 'implementation', title: 'Data retention settings per plant', owner: sofia, due: 15, status: 'todo', deliverable: 'Configuration workbook, retention tab' },
    { id: 'impl-11', group: 'implementation', title: 'Consultant staffing for wave 1', owner: lea, due: 10, status: 'doing' },
    { id: 'impl-12', group: 'implementation', title: 'Hypercare exit criteria for wave 1', owner: julien, due: 18, status: 'todo' },

    // Success criteria
    { id: 'sc-01', group: 'success-criteria', title: 'Draft the success criteria', owner: alice, due: -22, status: 'done', deliverable: 'Criteria v1' },
    { id: 'sc-02', group: 'success-criteria', title: 'Agree the downtime baseline for line 3', owner: julien, due: -18, status: 'done', deliverable: '212 h over 12 months, 61 stops' },
    { id: 'sc-03', group: 'success-criteria', title: 'Sign off the success criteria (both sides)', owner: dana, due: -14, status: 'done', deliverable: 'Signed criteria v1.2' },
    { id: 'sc-04', group: 'success-criteria', title: 'Define how false alarms are measured', owner: sam, due: -9, status: 'done', deliverable: 'Measurement method note' },
    { id: 'sc-05', group: 'success-criteria', title: 'Confirm the OEE (TRS) target with plant controlling', owner: julien, due: -1, status: 'doing' },
    { id: 'sc-06', group: 'success-criteria', title: 'Weekly scorecard during the shadow run', owner: sam, due: 9, status: 'doing', deliverable: 'Scorecard' },
    { id: 'sc-07', group: 'success-criteria', title: 'KPIs for the first 12 months after go-live', owner: dana, due: 20, status: 'todo' },

    // Business case
    { id: 'bc-01', group: 'business-case', title: 'Downtime cost per hour for each plant', owner: claire, due: -13, status: 'done', deliverable: "Coût horaire d'arrêt par site" },
    { id: 'bc-02', group: 'business-case', title: 'ROI model v1 (3 plants, 3 years)', owner: priya, due: -7, status: 'done', deliverable: 'ROI model v1 (xlsx)' },
    { id: 'bc-03', group: 'business-case', title: 'Review the ROI assumptions with finance', owner: claire, due: -1, status: 'doing' },
    { id: 'bc-04', group: 'business-case', title: 'Conservative case (50% of benefit, 6/9-month lag)', owner: priya, due: 1, status: 'doing', deliverable: 'ROI model v1.1' },
    { id: 'bc-05', group: 'business-case', title: 'Maintenance hours freed (secondary benefit)', owner: priya, due: -8, status: 'done' },
    { id: 'bc-06', group: 'business-case', title: 'Reference call with Fabrikam Packaging', owner: alice, due: 6, status: 'todo' },
    { id: 'bc-07', group: 'business-case', title: 'Classify subscription and services (capex/opex)', owner: claire, due: 12, status: 'blocked' },
    { id: 'bc-08', group: 'business-case', title: 'CFO review of the business case', owner: helen, due: 20, status: 'todo' },
    { id: 'bc-09', group: 'business-case', title: 'One-page board memo', owner: dana, due: 25, status: 'todo', deliverable: 'Board memo' },

    // Contract & terms
    { id: 'ct-01', group: 'contract', title: 'Send the MSA, order form and DPA', owner: victor, due: -15, status: 'done' },
    { id: 'ct-02', group: 'contract', title: 'Insurance certificates (cyber, professional liability)', owner: victor, due: -12, status: 'done' },
    { id: 'ct-03', group: 'contract', title: 'Northwind redlines on the MSA', owner: marc, due: -6, status: 'done', deliverable: 'MSA redline v2' },
    { id: 'ct-04', group: 'contract', title: 'Pricing proposal v2 (3 plants, 3 years)', owner: alice, due: -4, status: 'done', deliverable: 'Proposal v2' },
    { id: 'ct-05', group: 'contract', title: 'Answer the redlines: liability cap, governing law', owner: victor, due: 1, status: 'doing' },
    { id: 'ct-06', group: 'contract', title: 'DPA and security annex', owner: victor, due: -2, status: 'doing', deliverable: 'DPA v3 with security annex' },
    { id: 'ct-07', group: 'contract', title: 'Review the DPA security annex', owner: sofia, due: 3, status: 'doing' },
    { id: 'ct-08', group: 'contract', title: 'Procurement counter-proposal', owner: marc, due: 3, status: 'todo' },
    { id: 'ct-09', group: 'contract', title: 'SLA penalty schedule', owner: victor, due: 2, status: 'todo' },
    { id: 'ct-10', group: 'contract', title: 'Supplier onboarding in SAP Ariba', owner: marc, due: 10, status: 'doing', deliverable: 'Supplier record' },
    { id: 'ct-11', group: 'contract', title: 'Final price and terms for signature', owner: alice, due: 30, status: 'todo', deliverable: 'Final offer' },

    // Overall plan
    { id: 'plan-01', group: 'plan', title: 'Kick-off workshop in Lyon', owner: alice, due: -35, status: 'done' },
    { id: 'plan-02', group: 'plan', title: 'Agree the mutual action plan', owner: dana, due: -33, status: 'done', deliverable: 'Mutual action plan v1' },
    { id: 'plan-03', group: 'plan', title: 'Set the weekly sync (Thursdays 10:00 CET)', owner: alice, due: -33, status: 'done' },
    { id: 'plan-04', group: 'plan', title: 'Site visit at the Bremen plant', owner: alice, due: 11, status: 'todo' },
    { id: 'plan-05', group: 'plan', title: 'Executive sponsor meeting (Grace Whitfield, Helen Carter)', owner: grace, due: 16, status: 'todo' },
    { id: 'plan-06', group: 'plan', title: 'Go/no-go steering', owner: dana, due: 40, status: 'todo' },

    // Steering
    { id: 'st-01', group: 'steering', title: 'Confirm the decision process and signatories', owner: alice, due: -30, status: 'done' },
    { id: 'st-02', group: 'steering', title: 'Escalate SSO and SAP write-back to the CIO', owner: dana, due: -1, status: 'done' },

    // The seller's deal team
    { id: 'int-01', group: 'internal', title: 'Deal desk approval for the 3-year offer', owner: alice, due: 2, status: 'doing' },
    { id: 'int-02', group: 'internal', title: 'Line up the Fabrikam reference', owner: alice, due: -3, status: 'done' },

    // The buyer's buying committee
    { id: 'com-01', group: 'committee', title: 'Budget request to the executive committee', owner: helen, due: 28, status: 'todo' },
    { id: 'com-02', group: 'committee', title: 'Compare the Contoso and Litware offers', owner: marc, due: 4, status: 'doing' },
  ],

  milestones: [
    { id: 'kickoff', group: 'plan', title: 'Kick-off and mutual action plan agreed', date: -33, done: true, setBy: alice },
    { id: 'poc-live', group: 'proof', title: 'Data extract delivered, PoC environment live', date: -24, done: true, setBy: sam },
    { id: 'criteria-signed', group: 'success-criteria', title: 'Success criteria signed by both sides', date: -14, done: true, setBy: dana },
    { id: 'security-signoff', group: 'proof', title: 'Security review signed off', date: 5, done: false, setBy: sofia },
    { id: 'poc-readout', group: 'proof', title: 'PoC readout against the success criteria', date: 8, done: false, setBy: sam },
    { id: 'business-case', group: 'business-case', title: 'Business case approved by the CFO', date: 22, done: false, setBy: helen },
    { id: 'contract-agreed', group: 'contract', title: 'Contract terms agreed', date: 30, done: false, setBy: victor },
    { id: 'decision', group: 'plan', title: 'Decision and signature', date: 45, done: false, setBy: dana },
  ],

  posts: chronological([
    // ---- week 1 ---------------------------------------------------------------------------
    {
      group: 'plan',
      author: alice,
      lang: 'en',
      at: { day: -35, hour: 9 },
      text:
        'Welcome to the Northwind × Contoso evaluation space 👋\n\nThis is the **overall plan**: milestones, weekly notes and anything everyone should know. Each workstream has its own group:\n- Proof\n- Implementation plan\n- Success criteria\n- Business case\n- Contract & terms\n\nWeekly sync: **Thursdays 10:00 CET**. The decision date is in the milestones.',
      replies: [
        { author: dana, lang: 'en', text: "Thanks Alice. For everyone on our side: I'm coordinating the evaluation for Northwind. Anything blocking, flag it here or to me directly." },
        { author: julien, lang: 'fr', text: "Merci Alice. Toute l'équipe de Lyon est partante, on vous attend jeudi pour l'atelier de lancement." },
      ],
      reactions: [
        { by: dana, emoji: '👍' },
        { by: julien, emoji: '👍' },
        { by: sam, emoji: '🎉' },
      ],
    },
    {
      group: 'plan',
      author: julien,
      lang: 'fr',
      at: { day: -35, hour: 17 },
      text:
        "Compte rendu de l'atelier de lancement à Lyon :\n- visite de la **ligne 3** (presses à injection 1 à 6)\n- environ 230 h d'arrêts non planifiés sur les 12 derniers mois, dont 60 % sur les circuits hydrauliques\n- notre priorité : *anticiper* les pannes, pas seulement les constater\n\nMerci à @sam@seller.example et @lea@seller.example d'avoir fait le déplacement.",
      replies: [
        { author: sam, lang: 'en', text: "Thanks Julien, great visit. Hydraulics is exactly where our models are strongest — we'll start there." },
        { author: lea, lang: 'fr', text: "Merci pour l'accueil ! J'ai mis les photos du tableau blanc dans le groupe *Plan de mise en œuvre*." },
      ],
      reactions: [
        { by: alice, emoji: '🙏' },
        { by: nadia, emoji: '👍' },
      ],
    },
    {
      group: 'internal',
      author: alice,
      lang: 'en',
      at: { day: -34, hour: 17 },
      text:
        "Deal team kick-off notes:\n- Northwind = 3 plants (Lyon, Bremen, Pilsen), Lyon is the pilot\n- decider: Dana (head of operations); economic buyer: Helen (CFO)\n- competition: **Litware Industrial** is in the deal too — probably cheaper, but no SAP write-back\n- close plan: signature before their quarter end",
      replies: [
        { author: grace, lang: 'en', text: "Good. I'll make myself available for Helen whenever it helps." },
        { author: sam, lang: 'en', text: "Litware's models need 12 months of history to start. We're working from a 6-month extract — let's make that visible." },
      ],
    },
    {
      group: 'steering',
      author: alice,
      lang: 'en',
      at: { day: -34, hour: 18 },
      text: "Dana, thanks for taking the decider role. Proposal for how we run this: I post a short status here every Friday, you flag anything that needs escalating on either side. Sound right?",
      replies: [{ author: dana, lang: 'en', text: "Works for me. And tell me early if our side is slowing you down — I'd rather push my people than slip the date." }],
    },
    {
      group: 'implementation',
      author: lea,
      lang: 'fr',
      at: { day: -34, hour: 10 },
      text: "Photos du tableau blanc de l'atelier de Lyon : https://files.seller.example/s/northwind-kickoff-board — j'en tire les premières hypothèses du planning de déploiement.",
      reactions: [{ by: julien, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: dana,
      lang: 'en',
      at: { day: -33, hour: 11 },
      text:
        "Mutual action plan agreed ✅\n\nThe milestones are on the board; every task has an owner on one side or the other. If you can't make a date, **say so early** — I'd rather move a date than discover it late.",
      replies: [{ author: alice, lang: 'en', text: 'Use the *Mine* filter on the board to see your own tasks. Overdue ones show in red.' }],
      reactions: [
        { by: alice, emoji: '👍' },
        { by: helen, emoji: '👍' },
      ],
    },
    {
      group: 'plan',
      author: grace,
      lang: 'en',
      at: { day: -33, hour: 15 },
      text: "Hello all — Grace Whitfield, VP Sales EMEA at Contoso and executive sponsor on our side. Northwind matters a lot to us: if anything on our side is slow, I want to hear about it. @helen@buyer.example, I look forward to meeting you in a few weeks.",
      replies: [{ author: helen, lang: 'en', text: "Thanks Grace. Happy to meet once the business case is drafted — I'd rather discuss numbers than slides." }],
      reactions: [
        { by: dana, emoji: '👍' },
        { by: alice, emoji: '🙏' },
      ],
    },
    {
      group: 'committee',
      author: dana,
      lang: 'en',
      at: { day: -31, hour: 9 },
      text: "Buying committee: Helen, Claire, Marc, Ivan, Sofia, Julien and me. This group lives on **our** server only — Contoso cannot see it. Use it for anything we wouldn't say in front of the vendor.",
      reactions: [
        { by: helen, emoji: '👍' },
        { by: julien, emoji: '👍' },
      ],
    },

    // ---- week 2 ---------------------------------------------------------------------------
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: -30, hour: 11 },
      text:
        'Welcome to the proof workstream. Scope, from the criteria draft:\n1. predict unplanned stops on **line 3**, presses 1–6\n2. OEE dashboard by shift\n3. an alert workflow for maintenance\n\nPoC tenant: https://northwind-poc.seller.example — invitations went out this morning.',
      reactions: [
        { by: ivan, emoji: '👍' },
        { by: nadia, emoji: '👍' },
      ],
    },
    {
      group: 'steering',
      author: dana,
      lang: 'en',
      at: { day: -30, hour: 9 },
      text: "Decision process, for your eyes: I recommend, **Helen (CFO)** approves the budget, procurement signs. Anything beyond the approved budget goes to our executive committee, which meets monthly — that's why the date matters.",
      replies: [
        { author: alice, lang: 'en', text: 'Very helpful, thank you. So the business case has to land with Helen at least two weeks before the committee meets.' },
        { author: dana, lang: 'en', text: 'Exactly.' },
      ],
    },
    {
      group: 'proof',
      author: ivan,
      lang: 'en',
      at: { day: -29, hour: 10 },
      text: 'Gateway plan: OPC UA edge gateway as a VM in the Lyon DMZ, **outbound HTTPS only** to your EU endpoint. No inbound ports — that is non-negotiable for our OT network. Can you confirm the gateway works that way?',
      replies: [
        { author: sam, lang: 'en', text: 'Confirmed: the gateway only dials out (443, mutual TLS). Architecture notes: https://docs.seller.example/edge/network' },
        { author: ivan, lang: 'en', text: 'Perfect. The VM is being provisioned.' },
      ],
    },
    {
      group: 'plan',
      author: sam,
      lang: 'en',
      at: { day: -28, hour: 10 },
      text: 'PoC environment is live on our EU tenant (Frankfurt). Named accounts for now, SSO later. Details in the **Proof** group.',
      reactions: [
        { by: ivan, emoji: '👍' },
        { by: nadia, emoji: '🎉' },
      ],
    },
    {
      group: 'implementation',
      author: lea,
      lang: 'en',
      at: { day: -27, hour: 10 },
      text: "Hi all, Léa here — I'll run implementation planning. First step: a rollout plan for the three plants (Lyon, Bremen, Pilsen) that we can all criticise 🙂 Draft in about three weeks, once the proof has taught us what wave 1 needs.",
      reactions: [
        { by: julien, emoji: '👍' },
        { by: ivan, emoji: '👍' },
      ],
    },
    {
      group: 'steering',
      author: alice,
      lang: 'en',
      at: { day: -27, hour: 17 },
      text: "Friday status: gateway being installed, PoC tenant ✔, tag mapping starts next week. Watch item: the security questionnaire hasn't reached us yet.",
      replies: [{ author: dana, lang: 'en', text: 'Sofia sends it early next week.' }],
    },
    {
      group: 'proof',
      author: ivan,
      lang: 'en',
      at: { day: -26, hour: 15 },
      text: 'Gateway installed and sending data from `L3-PRESS-01` to `L3-PRESS-06`. Round trip to Frankfurt ~28 ms.',
      reactions: [
        { by: sam, emoji: '🎉' },
        { by: nadia, emoji: '👍' },
      ],
    },
    {
      group: 'proof',
      author: nadia,
      lang: 'fr',
      at: { day: -25, hour: 9 },
      text: "Bonjour à tous, je suis responsable maintenance à Lyon. Je peux vous aider pour la correspondance entre les tags et les équipements : nos noms de tags ne sont pas toujours parlants (ex. `L3_P04_HYD_PT2`).",
      replies: [
        { author: sam, lang: 'en', text: "That would help a lot, Nadia. I'll share the mapping sheet — could you fill in the *asset* column for the hydraulics first?" },
        { author: nadia, lang: 'fr', text: "Oui, je m'y mets cette semaine." },
      ],
      reactions: [{ by: julien, emoji: '👍' }],
    },
    {
      group: 'committee',
      author: helen,
      lang: 'en',
      at: { day: -25, hour: 15 },
      text: 'Budget: the executive committee approved **a ceiling of €340k per year** for plant analytics, all three plants included, three-year commitment at most. Above that I would have to go back to the board.',
      replies: [
        { author: dana, lang: 'en', text: 'Understood. Obviously this stays in this group.' },
        { author: claire, lang: 'fr', text: "Je l'intègre dans le suivi budgétaire de l'année prochaine." },
      ],
    },

    // ---- week 3 ---------------------------------------------------------------------------
    {
      group: 'business-case',
      author: priya,
      lang: 'en',
      at: { day: -24, hour: 10 },
      text:
        "Hi all — Priya, value engineer at Contoso. I'll build the ROI model with @claire@buyer.example. Inputs I need:\n1. cost of one hour of unplanned downtime, per plant\n2. maintenance labour cost\n3. spend on emergency spare-parts orders\n\nTemplate: https://files.seller.example/s/roi-template",
      replies: [
        { author: claire, lang: 'fr', text: "Bonjour Priya, je m'en occupe. Pour le coût horaire d'arrêt, je prends la marge sur coûts variables perdue + les heures supplémentaires de rattrapage, ça vous va ?" },
        { author: priya, lang: 'en', text: "That's exactly the right method, thank you." },
      ],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: ivan,
      lang: 'en',
      at: { day: -24, hour: 16 },
      text: 'Data extract delivered: 6 months of historian data for line 3 (1,180 tags, 1-minute resolution, Parquet) plus 2 years of SAP PM work orders. Milestone ✔',
      replies: [
        { author: sam, lang: 'en', text: "Received and loaded — thanks Ivan, that's a very clean extract." },
        { author: alice, lang: 'en', text: 'Marked the milestone done. Great work, both of you.' },
      ],
      reactions: [
        { by: dana, emoji: '🎉' },
        { by: alice, emoji: '🎉' },
      ],
    },
    {
      group: 'proof',
      author: nadia,
      lang: 'fr',
      at: { day: -23, hour: 10 },
      text: 'Export SAP PM envoyé : avis et ordres de travail de la ligne 3 sur 2 ans. Attention, pendant la première année les codes de panne étaient saisis en texte libre.',
      replies: [{ author: sam, lang: 'en', text: "Thanks — we'll run a keyword classifier on the free text for that period and flag it as lower confidence." }],
      reactions: [{ by: sam, emoji: '🙏' }],
    },
    {
      group: 'proof',
      author: sofia,
      lang: 'en',
      at: { day: -22, hour: 11 },
      text:
        'Security review kick-off. Attached: our questionnaire (SIG Lite + OT annex, **186 questions**). I will also need:\n- your latest SOC 2 Type II report\n- the pen-test executive summary\n- a data flow diagram for the edge gateway\n- the sub-processor list\n\nTarget: answers within two weeks.',
      replies: [{ author: sam, lang: 'en', text: "Received. We'll aim for ten working days." }],
      reactions: [{ by: ivan, emoji: '👍' }],
    },
    {
      group: 'success-criteria',
      author: alice,
      lang: 'en',
      at: { day: -22, hour: 15 },
      text:
        'Draft success criteria v1, for discussion:\n1. ≥ 70% of unplanned stops longer than 2 h on line 3 predicted at least 2 h ahead (replay + shadow run)\n2. fewer than 3 false alarms per week\n3. OEE by shift visible with less than 5 min latency\n4. 12 technicians trained and using alerts daily\n5. SAP notifications created from confirmed alerts (if write-back is approved)',
      replies: [
        { author: dana, lang: 'en', text: "Good start. I'd make #4 about *usage*, not training: e.g. 80% of alerts acknowledged within the shift." },
        { author: julien, lang: 'fr', text: "D'accord avec Dana. Et pour le 1, il faut se mettre d'accord sur la référence : nos 230 h incluent des arrêts qualité." },
      ],
      reactions: [{ by: sam, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: alice,
      lang: 'en',
      at: { day: -21, hour: 11 },
      text:
        '**Weekly sync — notes**\n- Proof: tag mapping 80% done (Sam, Nadia)\n- Success criteria: draft v1 shared, comments by Friday please\n- Business case: Claire is collecting downtime cost per plant\n- Contract: MSA goes to Marc and Sofia next week\n\nRisk: the security questionnaire (186 questions) is tight for the timeline.',
      replies: [{ author: sofia, lang: 'en', text: "Questionnaire went to Sam yesterday — standard SIG Lite plus our OT annex. Two weeks is tight but doable." }],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'proof',
      author: julien,
      lang: 'fr',
      at: { day: -20, hour: 10 },
      text: 'Pour info, je suis en congés la semaine prochaine ; Nadia est mon relais pour tout ce qui concerne la ligne 3.',
      reactions: [{ by: sam, emoji: '👍' }],
    },
    {
      group: 'internal',
      author: grace,
      lang: 'en',
      at: { day: -20, hour: 11 },
      text: '**Pricing guidance** (deal desk approved): list is €420k/yr for 3 plants. Floor: **€298k/yr on a 3-year term**. Anything beyond a 20% discount needs my approval; below the floor it goes to the CRO. Never mention the floor outside this group.',
      replies: [{ author: alice, lang: 'en', text: "Understood. I'll open close to list with a multi-year incentive." }],
      reactions: [
        { by: alice, emoji: '👍' },
        { by: victor, emoji: '👍' },
      ],
    },
    {
      group: 'implementation',
      author: sam,
      lang: 'en',
      at: { day: -20, hour: 15 },
      text: 'Note for implementation: each plant needs PI Server 2018 or later for the gateway connector. Lyon is fine; @ivan@buyer.example could you check Bremen and Pilsen?',
      replies: [
        { author: ivan, lang: 'en', text: 'Bremen is on 2018 SP3. Pilsen is still on 2016 — an upgrade is planned this year anyway.' },
        { author: lea, lang: 'en', text: 'Adding the Pilsen upgrade to the wave 3 dependencies.' },
      ],
    },
    {
      group: 'steering',
      author: alice,
      lang: 'en',
      at: { day: -20, hour: 17 },
      text: 'Friday status: criteria draft circulating, models training. One ask: could Claire have the downtime cost per plant by next Friday? Priya needs it for the ROI model.',
      replies: [{ author: dana, lang: 'en', text: "I'll ask her today." }],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: nadia,
      lang: 'fr',
      at: { day: -19, hour: 14 },
      text: "Petite question pratique : est-ce que les techniciens de l'équipe de nuit auront accès aux tableaux de bord pendant le pilote ? Ce sont eux qui verront les alertes en premier.",
      replies: [
        { author: sam, lang: 'en', text: "Yes — named accounts work 24/7. Send me the list and I'll create the accounts the same day." },
        { author: lea, lang: 'fr', text: "On prévoira aussi une session courte pour l'équipe de nuit, à 21 h si ça vous convient." },
        { author: nadia, lang: 'fr', text: 'Parfait, merci ! Je vous envoie la liste.' },
      ],
      reactions: [{ by: julien, emoji: '👍' }],
    },
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: -19, hour: 16 },
      text: 'Tag mapping done: 1,180 tags → 214 assets. Thank you @nadia@buyer.example! 38 tags were flat for six months and are excluded.',
      reactions: [
        { by: nadia, emoji: '👍' },
        { by: ivan, emoji: '👍' },
      ],
    },
    {
      group: 'success-criteria',
      author: julien,
      lang: 'fr',
      at: { day: -18, hour: 14 },
      text: "Référence des arrêts non planifiés de la ligne 3 : après nettoyage (retrait des arrêts qualité et des micro-arrêts de moins de 5 min), on arrive à **212 h sur 12 mois**, pour 61 arrêts. Le détail est dans le fichier partagé.",
      replies: [
        { author: alice, lang: 'en', text: 'Thanks Julien — baseline agreed on our side.' },
        { author: claire, lang: 'fr', text: "Je reprends ces 212 h pour le calcul du coût d'arrêt." },
      ],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'implementation',
      author: ivan,
      lang: 'en',
      at: { day: -18, hour: 11 },
      text: 'Network requirements per plant: one gateway VM (4 vCPU, 16 GB), outbound 443 to your EU endpoints. Bremen and Pilsen need firewall change requests — 2 to 3 weeks of lead time each.',
      replies: [{ author: lea, lang: 'en', text: "Thanks Ivan — I'll make the firewall requests a dependency of waves 2 and 3." }],
    },

    // ---- week 4 ---------------------------------------------------------------------------
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: -17, hour: 14 },
      text: "Model training update: the first hydraulics models look promising. Example: pressure oscillation on `L3_P04_HYD_PT2` preceded last winter's pump failure on press 4 by about **9 hours**.",
      replies: [
        { author: nadia, lang: 'fr', text: "Je me souviens de cette panne : 11 h d'arrêt. Si on l'avait vue venir…" },
        { author: julien, lang: 'fr', text: "C'est exactement ce qu'on veut démontrer." },
      ],
      reactions: [
        { by: julien, emoji: '🔥' },
        { by: ivan, emoji: '👀' },
      ],
    },
    {
      group: 'business-case',
      author: helen,
      lang: 'en',
      at: { day: -16, hour: 15 },
      text: "Joining this group as CFO. I'll review the case when it's ready — please keep every assumption explicit and sourced.",
      reactions: [
        { by: priya, emoji: '👍' },
        { by: alice, emoji: '👍' },
      ],
    },
    {
      group: 'success-criteria',
      author: claire,
      lang: 'fr',
      at: { day: -16, hour: 11 },
      text: 'Question : le critère 2 (moins de 3 fausses alertes par semaine) est-il par ligne ou par site ? Pour le déploiement, ça change tout.',
      replies: [{ author: sam, lang: 'en', text: "Per line. For the business case we'd assume the same rate per line at the other plants, to be validated in wave 1." }],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'success-criteria',
      author: alice,
      lang: 'en',
      at: { day: -15, hour: 16 },
      text: 'Success criteria **v1.2**, with all comments in: https://files.seller.example/s/northwind-criteria-v1-2\n\n@dana@buyer.example ready for sign-off?',
      replies: [{ author: dana, lang: 'en', text: "Reading it tonight, I'll sign tomorrow." }],
    },
    {
      group: 'implementation',
      author: lea,
      lang: 'en',
      at: { day: -15, hour: 9 },
      text: 'SAP PM integration — our proposal:\n1. read notifications and work orders through OData\n2. **write back** a notification when a high alert is confirmed\n\nWrite-back needs a technical user with PM authorisations.',
      replies: [
        { author: ivan, lang: 'en', text: "Reading is fine. Write-back needs approval from our SAP basis team — I've opened a request, but their backlog is about three weeks." },
        { author: julien, lang: 'fr', text: 'Pour nous le write-back est important : sinon les techniciens ressaisissent tout dans SAP.' },
      ],
      reactions: [{ by: nadia, emoji: '👍' }],
    },
    {
      group: 'contract',
      author: victor,
      lang: 'fr',
      at: { day: -15, hour: 10 },
      text: 'Bonjour Marc, bonjour Sofia. Vous trouverez ici notre contrat-cadre (MSA), le bon de commande type et l’accord de traitement des données (DPA) : https://files.seller.example/s/contoso-msa',
      replies: [
        { author: marc, lang: 'fr', text: 'Merci Victor, retour de nos juristes sous dix jours.' },
        { author: sofia, lang: 'en', text: "I'll take the DPA and the security annex." },
      ],
    },
    {
      group: 'success-criteria',
      author: dana,
      lang: 'en',
      at: { day: -14, hour: 16 },
      text: 'v1.2 signed on behalf of Northwind ✍️',
      reactions: [
        { by: alice, emoji: '🙏' },
        { by: sam, emoji: '👍' },
      ],
    },
    {
      group: 'plan',
      author: dana,
      lang: 'en',
      at: { day: -14, hour: 17 },
      text: 'Success criteria signed by both sides 🎉 v1.2 is in the *Success criteria* group. This is what the PoC readout will be judged against.',
      replies: [
        { author: alice, lang: 'en', text: 'Thank you Dana. Milestone marked done.' },
        { author: julien, lang: 'fr', text: 'Bravo à tous : les critères sont ambitieux mais réalistes.' },
      ],
      reactions: [
        { by: alice, emoji: '🎉' },
        { by: sam, emoji: '🎉' },
      ],
    },
    {
      group: 'plan',
      author: alice,
      lang: 'en',
      at: { day: -13, hour: 11 },
      text:
        '**Weekly sync — notes**\n- Proof: models trained on months 1–4, blind replay on months 5–6 next\n- Implementation: rollout plan v1 in progress (Léa)\n- Business case: downtime cost per plant expected this week\n- Contract: MSA sent, waiting for Northwind redlines\n\nNext: schedule the Bremen site visit.',
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'business-case',
      author: claire,
      lang: 'fr',
      at: { day: -13, hour: 15 },
      text: "Coût horaire d'un arrêt non planifié (marge perdue + rattrapage) :\n- Lyon : **9 400 €/h**\n- Brême : 11 200 €/h\n- Plzeň : 6 800 €/h\n\nSources : contrôle de gestion des sites, dernier exercice clos.",
      replies: [{ author: priya, lang: 'en', text: "Perfect, that's exactly what I needed." }],
      reactions: [
        { by: priya, emoji: '🙏' },
        { by: dana, emoji: '👍' },
      ],
    },
    {
      group: 'steering',
      author: alice,
      lang: 'en',
      at: { day: -13, hour: 18 },
      text: "Friday status: criteria signed ✔, replay starting. Watch item: SAP write-back — Ivan says the SAP basis team's backlog is about three weeks.",
      replies: [
        { author: dana, lang: 'en', text: "I'll raise it with our CIO on Monday. Write-back isn't needed for the PoC, is it?" },
        { author: alice, lang: 'en', text: 'Not for the PoC — only for the wave 1 go-live. But the rollout plan assumes it.' },
      ],
    },

    // ---- week 5 ---------------------------------------------------------------------------
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: -12, hour: 10 },
      text: 'Replay set-up: models trained on months 1–4, replayed *blind* on months 5–6. @julien@buyer.example @nadia@buyer.example could your team label the unplanned stops of months 5–6, so we score against your ground truth rather than ours?',
      replies: [{ author: nadia, lang: 'fr', text: 'Fait : 23 arrêts étiquetés, dont 9 de plus de 2 h. Le fichier est sur le SharePoint partagé.', reactions: [{ by: sam, emoji: '🙏' }] }],
    },
    {
      group: 'implementation',
      author: julien,
      lang: 'fr',
      at: { day: -12, hour: 16 },
      text: 'Champions désignés pour chaque usine :\n- Lyon : Nadia Benali\n- Brême : Jonas Weber\n- Plzeň : Petra Novák\n\nIls seront formés en premier.',
      replies: [{ author: lea, lang: 'fr', text: 'Merci Julien ! Je les ajoute au plan de formation.' }],
      reactions: [
        { by: nadia, emoji: '👍' },
        { by: ivan, emoji: '👍' },
      ],
    },
    {
      group: 'contract',
      author: victor,
      lang: 'fr',
      at: { day: -12, hour: 9 },
      text: 'Attestations d’assurance (cyber et RC professionnelle) déposées ici : https://files.seller.example/s/contoso-insurance',
      reactions: [{ by: marc, emoji: '👍' }],
    },
    {
      group: 'internal',
      author: priya,
      lang: 'en',
      at: { day: -12, hour: 10 },
      text: "ROI model: I'm using 30% avoided downtime in the base case, although the replay will probably show much more. If Helen pushes back we have headroom — but I don't want to oversell to this CFO.",
      replies: [{ author: alice, lang: 'en', text: 'Agreed, conservative is right with her.' }],
    },
    {
      group: 'committee',
      author: marc,
      lang: 'fr',
      at: { day: -12, hour: 11 },
      text: "Offre Litware reçue : 290 k€/an pour les 3 sites, mais sans write-back SAP et avec 12 mois d'historique minimum pour démarrer. Je m'en sers comme levier avec Contoso.",
      replies: [
        { author: ivan, lang: 'en', text: "Without write-back Julien's team would retype every notification — that's a real cost, put it in the comparison." },
        { author: julien, lang: 'fr', text: 'Pour moi, sans write-back, Litware est éliminatoire.' },
      ],
    },
    {
      group: 'proof',
      author: ivan,
      lang: 'en',
      at: { day: -11, hour: 15 },
      text: 'Question from our OT team: where do the models run — in the gateway or in your cloud? They want to know whether an internet outage stops the alerts.',
      replies: [
        { author: sam, lang: 'en', text: 'Scoring runs in our cloud; the gateway buffers 72 h of data during an outage and back-fills afterwards. An outage delays alerts but loses no data. Edge scoring is on the roadmap.' },
        { author: ivan, lang: 'en', text: 'OK for the PoC. For the rollout, please document the outage behaviour in the implementation plan.' },
        { author: lea, lang: 'en', text: "Noted — I'll add a section on it." },
      ],
    },
    {
      group: 'plan',
      author: sam,
      lang: 'en',
      at: { day: -10, hour: 9 },
      text: 'Security questionnaire returned to @sofia@buyer.example: 186/186 answered, evidence pack attached (SOC 2 Type II, pen-test summary, ISO 27001 certificate, gateway data flows). Follow-up questions go in the *Proof* group so they are tracked.',
      replies: [{ author: sofia, lang: 'en', text: 'Received, thank you. First pass this week; I expect a short list of follow-ups on OT network segmentation.' }],
      reactions: [
        { by: dana, emoji: '👍' },
        { by: ivan, emoji: '👍' },
      ],
    },
    {
      group: 'business-case',
      author: priya,
      lang: 'en',
      at: { day: -10, hour: 10 },
      text: "Maintenance labour: from the SAP export, emergency work orders on line 3 take on average 3.4 technician-hours more than planned ones. I'd include that as a secondary benefit — @claire@buyer.example OK with you?",
      replies: [
        { author: claire, lang: 'fr', text: "Oui, mais en heures libérées, pas en réduction d'effectif. C'est important pour nous vis-à-vis des équipes." },
        { author: priya, lang: 'en', text: 'Absolutely — capacity freed for preventive work, no headcount reduction.' },
      ],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'proof',
      author: sofia,
      lang: 'en',
      at: { day: -9, hour: 15 },
      text: 'First pass on the questionnaire done. Follow-ups:\n1. Is OT data encrypted at rest with customer-managed keys?\n2. Pen-test scope — did it include the edge gateway?\n3. What happens to raw historian data after the contract ends?',
      replies: [
        { author: sam, lang: 'en', text: '1. Encrypted at rest (AES-256); customer-managed keys are available on the Enterprise plan. 2. Yes, gateway v3 was in scope — section 4 of the summary. 3. Deleted within 30 days of termination, with a certificate on request.' },
        { author: sofia, lang: 'en', text: "Thanks. 1 and 3 are fine. For 2 I'd like the full report under NDA, not the summary." },
        { author: sam, lang: 'en', text: 'Asking our security team — should be fine under the mutual NDA.' },
      ],
    },
    {
      group: 'success-criteria',
      author: sam,
      lang: 'en',
      at: { day: -9, hour: 11 },
      text: 'How we count false alarms: an alert is *false* if maintenance finds no abnormal condition within 48 h **and** no stop follows within 7 days. Counted per line, per week.',
      replies: [{ author: julien, lang: 'fr', text: 'OK pour nous.' }],
    },
    {
      group: 'implementation',
      author: sofia,
      lang: 'en',
      at: { day: -9, hour: 10 },
      text: 'Retention: raw historian data 13 months in your cloud, aggregates 5 years. Can that be configured per plant?',
      replies: [{ author: lea, lang: 'en', text: "Yes, per site. I'll put it in the configuration workbook." }],
    },

    // ---- week 6 ---------------------------------------------------------------------------
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: -8, hour: 10 },
      text: '**Replay results** (blind, months 5–6, line 3):\n- unplanned stops over 2 h predicted ahead: **7 of 9 (78%)**, median lead time 6.5 h\n- false alarms: **2.1 per week**\n- the 2 misses were electrical faults (no relevant sensors)\n\nFull report: https://northwind-poc.seller.example/reports/replay-v1',
      replies: [
        { author: julien, lang: 'fr', text: "Très bons résultats. Les deux pannes électriques ratées, c'est logique : on n'a aucun capteur dans ces armoires." },
        { author: ivan, lang: 'en', text: "Impressive. What's the cost of retraining — monthly?" },
        { author: sam, lang: 'en', text: 'Automatic monthly retraining is included in the subscription.' },
      ],
      reactions: [
        { by: nadia, emoji: '🎉' },
        { by: julien, emoji: '🎉' },
        { by: ivan, emoji: '👍' },
      ],
    },
    {
      group: 'steering',
      author: dana,
      lang: 'en',
      at: { day: -8, hour: 11 },
      text: 'Candidly: the replay numbers are good, but Helen will want a conservative case. Can Priya build one at 50% of the expected benefit?',
      replies: [{ author: alice, lang: 'en', text: "Yes, she's already on it — it's on the business case board." }],
    },
    {
      group: 'plan',
      author: alice,
      lang: 'en',
      at: { day: -7, hour: 11 },
      text:
        '**Weekly sync — notes**\n- Proof: replay results are in — **78% of unplanned stops over 2 h predicted ahead**, 2.1 false alarms per week (targets: 70% and fewer than 3)\n- Implementation: SAP write-back authorisations are a concern (Ivan)\n- Business case: ROI model v1 shared\n- Contract: redlines expected this week',
      replies: [
        { author: dana, lang: 'en', text: "Very encouraging. Let's not celebrate before the live shadow run though 🙂" },
        { author: alice, lang: 'en', text: 'Agreed — the shadow run starts next week on line 3.' },
      ],
      reactions: [
        { by: julien, emoji: '🎉' },
        { by: nadia, emoji: '🎉' },
      ],
    },
    {
      group: 'proof',
      author: nadia,
      lang: 'fr',
      at: { day: -7, hour: 14 },
      text: "On a relu les 18 fausses alertes avec l'équipe : 5 correspondent en fait à de vraies dérives, corrigées en préventif sans créer d'avis SAP. Le vrai taux de fausses alertes est donc plus bas.",
      replies: [{ author: sam, lang: 'en', text: "That's a really useful finding. We'll note it in the readout as a data-quality observation, but keep the official figure at 2.1 to stay conservative." }],
      reactions: [
        { by: julien, emoji: '👍' },
        { by: sam, emoji: '🙏' },
      ],
    },
    {
      group: 'business-case',
      author: priya,
      lang: 'en',
      at: { day: -7, hour: 16 },
      text: "**ROI model v1** (3 plants, 3 years): https://files.seller.example/s/northwind-roi-v1\n- avoided downtime: 30% of unplanned hours (the replay shows more; we stay prudent)\n- payback: **11 months**\n- 3-year net benefit: €2.9M\n\nEvery assumption is in the *Inputs* tab — please challenge them.",
      replies: [
        { author: claire, lang: 'fr', text: 'Merci. Je vérifie les hypothèses de volumes avec les sites, retour la semaine prochaine.' },
        { author: helen, lang: 'en', text: 'Thanks Priya. I will want the conservative case before anything goes to our board.' },
        { author: priya, lang: 'en', text: "On it — 50% of the expected benefit, ready in a few days." },
      ],
      reactions: [
        { by: dana, emoji: '👀' },
        { by: alice, emoji: '👍' },
      ],
    },
    {
      group: 'committee',
      author: julien,
      lang: 'fr',
      at: { day: -7, hour: 18 },
      text: "Avis du site de Lyon après le replay : on veut Contoso. Les résultats sur les circuits hydrauliques sont convaincants et l'équipe maintenance a adhéré.",
      reactions: [
        { by: dana, emoji: '👍' },
        { by: ivan, emoji: '👍' },
      ],
    },
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: -6, hour: 11 },
      text: 'Alert thresholds proposed for the shadow run: **high** (act within the shift) at risk ≥ 0.8, **medium** (plan within the week) at ≥ 0.6. @nadia@buyer.example can you validate them with the team?',
      replies: [{ author: nadia, lang: 'fr', text: 'On en parle au point de jeudi et je reviens vers toi.' }],
    },
    {
      group: 'implementation',
      author: lea,
      lang: 'en',
      at: { day: -6, hour: 14 },
      text: '**Rollout plan v1** is up: https://files.seller.example/s/northwind-rollout-v1\n- Wave 1: Lyon, 6 weeks after signature\n- Wave 2: Bremen, +8 weeks\n- Wave 3: Pilsen, +8 weeks\n\nIt assumes SAP write-back for wave 1. Comments welcome until Friday.',
      replies: [
        { author: ivan, lang: 'en', text: "Six weeks for wave 1 is aggressive if write-back isn't approved. Can we plan wave 1 with read-only SAP and add write-back later?" },
        { author: lea, lang: 'en', text: "Yes, that's our fallback — I'll add it as option B." },
        { author: julien, lang: 'fr', text: "Pour Lyon, évitez la première quinzaine d'août : arrêt technique annuel." },
        { author: lea, lang: 'fr', text: 'Bien noté, je décale.' },
      ],
      reactions: [{ by: sam, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: lea,
      lang: 'fr',
      at: { day: -6, hour: 15 },
      text: 'Le planning de déploiement v1 (3 vagues : Lyon, Brême, Plzeň) est dans le groupe *Plan de mise en œuvre*. Vos retours sont les bienvenus avant vendredi.',
      reactions: [
        { by: julien, emoji: '👍' },
        { by: dana, emoji: '👍' },
      ],
    },
    {
      group: 'business-case',
      author: helen,
      lang: 'en',
      at: { day: -6, hour: 10 },
      text: 'Two questions on the model:\n1. Is the implementation cost all in year 1, or spread?\n2. Do you assume the Bremen and Pilsen waves start straight after Lyon? I would rather see a 6-month lag.',
      replies: [
        { author: priya, lang: 'en', text: '1. All in year 1. 2. Currently 2 and 4 months — the conservative case will use 6 and 9.' },
        { author: helen, lang: 'en', text: 'Good.' },
      ],
    },
    {
      group: 'contract',
      author: marc,
      lang: 'fr',
      at: { day: -6, hour: 16 },
      text: 'Nos commentaires sur le MSA (v2 annotée) : https://files.buyer.example/s/msa-redline-v2\n\nPoints principaux :\n1. **plafond de responsabilité** : 2× le montant annuel (vous proposez 1×)\n2. **droit applicable** : droit français, tribunaux de Lyon\n3. SLA de 99,9 % avec pénalités\n4. réversibilité : export complet des données dans un format ouvert',
      replies: [{ author: victor, lang: 'fr', text: 'Merci Marc. Les points 3 et 4 ne posent pas de difficulté (99,9 % est notre engagement sur l’offre Enterprise). Sur les points 1 et 2, je reviens vers vous après discussion interne.' }],
      reactions: [{ by: alice, emoji: '👍' }],
    },
    {
      group: 'internal',
      author: victor,
      lang: 'fr',
      at: { day: -6, hour: 17 },
      text: 'Sur le plafond de responsabilité : notre assureur couvre jusqu’à 2× sans surprime, mais je propose d’ouvrir à 1,5× pour garder une marge de négociation.',
      replies: [{ author: alice, lang: 'en', text: 'Makes sense. Go with 1.5× and keep 2× as the last concession if Marc insists.' }],
    },
    {
      group: 'steering',
      author: alice,
      lang: 'en',
      at: { day: -6, hour: 18 },
      text: 'Friday status: replay 78% and 2.1 false alarms per week ✔ — above both criteria. Shadow run starts Monday. Redlines: we can accept most; liability cap and governing law need a call between Victor and Marc.',
      replies: [{ author: dana, lang: 'en', text: 'Fine. Keep me out of the legal detail unless it blocks.' }],
    },
    {
      group: 'business-case',
      author: dana,
      lang: 'en',
      at: { day: -5, hour: 11 },
      text: "For context: the board memo has to fit on one page — problem, proof, cost, payback, risks. I'll draft it once the conservative case is in.",
      reactions: [
        { by: priya, emoji: '👍' },
        { by: helen, emoji: '👍' },
      ],
    },
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: -5, hour: 9 },
      text: 'The shadow run has started 🚀 Alerts go to the dashboard and to the `maintenance-l3` mailing list.',
      reactions: [
        { by: julien, emoji: '🎉' },
        { by: nadia, emoji: '👍' },
      ],
    },
    {
      group: 'plan',
      author: julien,
      lang: 'fr',
      at: { day: -5, hour: 15 },
      text: "Début du shadow run ce matin sur la ligne 3. Les alertes arrivent dans le tableau de bord et par e-mail ; l'équipe maintenance les qualifie chaque matin au point de 8 h.",
      reactions: [
        { by: sam, emoji: '👍' },
        { by: lea, emoji: '👍' },
      ],
    },
    {
      group: 'contract',
      author: sofia,
      lang: 'en',
      at: { day: -5, hour: 10 },
      text: 'DPA: fine overall. For the security annex I need breach notification within **24 h** (not 72 h), and the sub-processor list as an annex with 30 days’ notice of any change.',
      replies: [{ author: victor, lang: 'en', text: '24 h is fine. 30 days’ notice on sub-processors — yes, with a right to object.' }],
    },

    // ---- this week and last -----------------------------------------------------------------
    {
      group: 'implementation',
      author: ivan,
      lang: 'en',
      at: { day: -4, hour: 10 },
      text: 'SAP write-back: the basis team rejected the first request — a technical user with broad PM authorisations is too much for them. They want a narrower role. **Blocked** until we agree the exact authorisation objects.',
      replies: [
        { author: lea, lang: 'en', text: "I'll send the exact objects today (notification create/save through the BAPIs, no dialog access)." },
        { author: ivan, lang: 'en', text: "Thanks. I'll resubmit as soon as I have them." },
      ],
    },
    {
      group: 'contract',
      author: alice,
      lang: 'en',
      at: { day: -4, hour: 15 },
      text: '**Pricing proposal v2** for 3 plants, 3-year term: https://files.seller.example/s/northwind-proposal-v2\n- subscription per plant, annual in advance\n- implementation services at a fixed fee per wave\n- 3-year price protection\n\n@marc@buyer.example happy to walk you through it.',
      replies: [
        { author: marc, lang: 'fr', text: "Merci Alice. À première lecture, le prix par site reste élevé par rapport aux autres propositions que nous avons reçues. On peut en parler cette semaine ?" },
        { author: alice, lang: 'fr', text: 'Bien sûr — jeudi 14 h ?' },
        { author: marc, lang: 'fr', text: 'OK pour jeudi.' },
      ],
    },
    {
      group: 'internal',
      author: alice,
      lang: 'en',
      at: { day: -4, hour: 16 },
      text: "Marc says our per-plant price is high against \"other proposals\" — that's Litware. Proposal: 3-year term at €336k/yr (20% off list) plus the Pilsen wave services free if they sign by the decision date. @grace@seller.example OK?",
      replies: [{ author: grace, lang: 'en', text: "OK up to 20%. Don't go any further without talking to me first." }],
    },
    {
      group: 'committee',
      author: marc,
      lang: 'fr',
      at: { day: -4, hour: 17 },
      text: 'Offre Contoso v2 reçue. Objectif de négociation : passer nettement sous notre plafond, et obtenir la vague Plzeň offerte ou fortement remisée.',
      replies: [{ author: helen, lang: 'en', text: 'Agreed. Aim for 10% under the ceiling if you can.' }],
    },
    {
      group: 'business-case',
      author: claire,
      lang: 'fr',
      at: { day: -4, hour: 14 },
      text: "Question comptable : l'abonnement et les services de mise en œuvre seront-ils facturés séparément ? Pour nous c'est de l'OPEX dans les deux cas, sauf si les services sont capitalisables.",
      replies: [
        { author: alice, lang: 'en', text: 'Yes, separate lines: the subscription (annual) and implementation services (fixed fee, invoiced per wave). The final structure will be in the final offer.' },
        { author: claire, lang: 'fr', text: "Merci, j'attends l'offre finale pour valider avec la comptabilité." },
      ],
    },
    {
      group: 'proof',
      author: sofia,
      lang: 'en',
      at: { day: -4, hour: 16 },
      text: 'Received the full pen-test report under NDA, thank you. Reviewing it with our OT security team.',
      reactions: [{ by: sam, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: marc,
      lang: 'fr',
      at: { day: -3, hour: 10 },
      text: "Pour rappel, côté achats nous avons besoin de l'offre définitive **au moins 15 jours avant** la date de décision pour passer en commission. @alice@seller.example, tu peux confirmer le calendrier ?",
      replies: [{ author: alice, lang: 'fr', text: "Oui Marc, c'est noté : offre finale au plus tard à J-15. On en parle dans le groupe *Contrats et conditions*." }],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'proof',
      author: nadia,
      lang: 'fr',
      at: { day: -3, hour: 8 },
      text: "Première alerte réelle cette nuit sur la presse 2 (température d'huile). L'équipe de nuit a trouvé un échangeur encrassé : intervention en préventif, **pas d'arrêt**. 👏",
      replies: [
        { author: julien, lang: 'fr', text: 'Excellent. Je le mentionnerai au comité de direction du site.' },
        { author: sam, lang: 'en', text: 'Brilliant — the first confirmed catch of the shadow run. Thanks to the night shift!' },
        { author: lea, lang: 'fr', text: 'Top ! Ce sera un super exemple pour la formation.', reactions: [{ by: nadia, emoji: '❤️' }] },
      ],
      reactions: [
        { by: julien, emoji: '🎉' },
        { by: sam, emoji: '🎉' },
        { by: ivan, emoji: '🎉' },
      ],
    },
    {
      group: 'success-criteria',
      author: julien,
      lang: 'fr',
      at: { day: -3, hour: 16 },
      text: "Pour le TRS : on parle bien du TRS (OEE) et pas du TEEP ? Nos objectifs groupe sont exprimés en TRS.",
      replies: [
        { author: sam, lang: 'en', text: 'Yes — OEE/TRS as you compute it today: availability × performance × quality, over planned production time.' },
        { author: julien, lang: 'fr', text: "Parfait. Je fais valider l'objectif de +3 points par le contrôle de gestion du site." },
      ],
    },
    {
      group: 'implementation',
      author: lea,
      lang: 'en',
      at: { day: -3, hour: 15 },
      text: 'Sent the authorisation list to Ivan: `BAPI_ALM_NOTIF_CREATE` and `BAPI_ALM_NOTIF_SAVE`, restricted to plant `LY01`. No dialog access.',
      reactions: [{ by: ivan, emoji: '👍' }],
    },
    {
      group: 'steering',
      author: dana,
      lang: 'en',
      at: { day: -3, hour: 12 },
      text: "I'd like to bring the PoC readout forward by a day so that Helen can attend. Possible?",
      replies: [{ author: alice, lang: 'en', text: "Yes — I've moved the milestone and told Sam." }],
      reactions: [{ by: alice, emoji: '👍' }],
    },
    {
      group: 'business-case',
      author: alice,
      lang: 'en',
      at: { day: -3, hour: 11 },
      text: 'Reference call: **Fabrikam Packaging** (4 plants, live for two years) agreed to talk to Northwind. Their plant director is free next week — @dana@buyer.example @claire@buyer.example who should join?',
      replies: [{ author: dana, lang: 'en', text: 'Me, Julien and Claire. Thursday afternoon works for us.' }],
    },
    {
      group: 'contract',
      author: victor,
      lang: 'fr',
      at: { day: -3, hour: 9 },
      text: 'SLA et support : le projet d’annexe reprend le modèle proposé par Léa (N1 Northwind, N2/N3 Contoso, P1 en 24/7 y compris la passerelle).',
      reactions: [{ by: marc, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: ivan,
      lang: 'en',
      at: { day: -2, hour: 9 },
      text: 'Heads-up: the SSO app registration is still waiting for approval from our identity team (ticket `IAM-4471`). PoC users keep their named accounts until then. Not blocking the shadow run, but it *is* blocking the security sign-off.',
      replies: [
        { author: sofia, lang: 'en', text: "I've escalated to the identity team lead. Hoping for approval this week." },
        { author: sam, lang: 'en', text: 'Our side is configured — 15 minutes of work once the client ID is issued.' },
      ],
      reactions: [{ by: dana, emoji: '👀' }],
    },
    {
      group: 'proof',
      author: ivan,
      lang: 'en',
      at: { day: -2, hour: 14 },
      text: "SSO: still waiting on `IAM-4471`. I've asked for an exception so that we can test OIDC on the PoC tenant before the full approval.",
      replies: [{ author: sofia, lang: 'en', text: 'I support the exception request — it is a test tenant with named users only.' }],
    },
    {
      group: 'proof',
      author: julien,
      lang: 'fr',
      at: { day: -2, hour: 17 },
      text: "Question pour @sam@seller.example : peut-on afficher le TRS par équipe (matin, après-midi, nuit) ? C'est comme ça qu'on pilote l'atelier.",
      replies: [
        { author: sam, lang: 'en', text: "Yes — OEE by shift is in this week's dashboard build. I'll use your shift calendar (6–14, 14–22, 22–6)." },
        { author: julien, lang: 'fr', text: 'Parfait, merci.' },
      ],
    },
    {
      group: 'implementation',
      author: nadia,
      lang: 'fr',
      at: { day: -2, hour: 11 },
      text: 'Pour la formation : les techniciens préfèrent des sessions courtes (45 min) au poste, pas en salle. Possible ?',
      replies: [{ author: lea, lang: 'fr', text: "Oui, on fera des sessions au pied des presses avec une tablette. Je l'intègre au plan de formation." }],
      reactions: [{ by: julien, emoji: '👍' }],
    },
    {
      group: 'contract',
      author: victor,
      lang: 'fr',
      at: { day: -2, hour: 11 },
      text: 'Proposition sur les points ouverts :\n- responsabilité : 1,5× le montant annuel, avec un plafond spécifique plus élevé pour les violations de données\n- droit applicable : droit français, tribunaux de Paris\n\nQu’en pensez-vous ?',
      replies: [{ author: marc, lang: 'fr', text: 'Je soumets à notre direction juridique. Paris plutôt que Lyon, ça devrait passer.' }],
      reactions: [{ by: alice, emoji: '👍' }],
    },
    {
      group: 'internal',
      author: lea,
      lang: 'fr',
      at: { day: -2, hour: 9 },
      text: 'Capacité : pour tenir la vague 1 en 6 semaines, il me faut un deuxième consultant dès la signature. Je bloque Hugo, sous réserve ?',
      replies: [{ author: alice, lang: 'en', text: 'Yes please, tentatively.' }],
    },
    {
      group: 'proof',
      author: sofia,
      lang: 'en',
      at: { day: -1, hour: 10 },
      text: 'Security follow-ups: 1 ✔ 3 ✔. On 2, I have read the full report — one *medium* finding on gateway log retention. I need your remediation plan before I can sign off.',
      replies: [{ author: sam, lang: 'en', text: 'Our security team has a fix scheduled in gateway 3.4; I will post the plan and dates tomorrow.' }],
      reactions: [{ by: ivan, emoji: '👍' }],
    },
    {
      group: 'implementation',
      author: lea,
      lang: 'en',
      at: { day: -1, hour: 14 },
      text: 'Support model draft: L1 by the Northwind plant champions, L2/L3 by Contoso (business hours CET, P1 24/7). Any feedback before it goes into the contract annex?',
      replies: [
        { author: ivan, lang: 'en', text: 'L1 by the champions is fine, but P1 24/7 must cover the gateway, not only the cloud service.' },
        { author: lea, lang: 'en', text: 'Agreed, the annex will say so explicitly.' },
      ],
    },
    {
      group: 'contract',
      author: marc,
      lang: 'fr',
      at: { day: -1, hour: 10 },
      text: "Pour l'onboarding fournisseur dans SAP Ariba, il me faut : Kbis, RIB et attestation URSSAF de moins de 6 mois. Contoso a bien une entité française ?",
      replies: [{ author: victor, lang: 'fr', text: 'Oui, Contoso Software France SAS. Je vous envoie les documents aujourd’hui.' }],
    },
    {
      group: 'business-case',
      author: claire,
      lang: 'fr',
      at: { day: -1, hour: 15 },
      text: 'La revue des hypothèses du modèle ROI glisse à lundi (clôture mensuelle cette semaine). Rien de bloquant, juste du retard de mon côté.',
      reactions: [{ by: priya, emoji: '👍' }],
    },
    {
      group: 'committee',
      author: sofia,
      lang: 'en',
      at: { day: -1, hour: 11 },
      text: 'Security view for the committee: I can sign off once SSO is tested. The one medium finding (gateway log retention) has a fix scheduled. No blocker from security.',
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'plan',
      author: alice,
      lang: 'en',
      at: { day: -1, hour: 16 },
      text:
        '**Weekly sync — notes**\n- Proof: shadow run day 5 of 14, 3 alerts, 2 confirmed by maintenance\n- Security: one follow-up open, SSO waiting on `IAM-4471`\n- Business case: conservative case in progress\n- Contract: liability cap and governing law still open\n\n**Overdue**: alert threshold validation, pen-test review, ROI assumption review — owners, please update the board.',
      replies: [{ author: dana, lang: 'en', text: 'Thanks Alice. Owners on our side: please update your tasks by tomorrow.' }],
      reactions: [{ by: dana, emoji: '👍' }],
    },
    {
      group: 'steering',
      author: alice,
      lang: 'en',
      at: { day: -1, hour: 18 },
      text: 'Friday status: shadow run on track. Two blocked items: SSO (`IAM-4471`) and the SAP write-back authorisations. The security sign-off is at risk if SSO is not approved by Wednesday.',
      replies: [{ author: dana, lang: 'en', text: 'I escalated both to our CIO this afternoon.' }],
    },
    {
      group: 'proof',
      author: sam,
      lang: 'en',
      at: { day: 0, hour: 9 },
      text: 'Shadow run scorecard, week 1: 4 alerts, 3 confirmed, 1 under investigation, **0 missed stops**. https://northwind-poc.seller.example/reports/shadow-week-1',
      reactions: [
        { by: julien, emoji: '👍' },
        { by: nadia, emoji: '👍' },
      ],
    },
    {
      group: 'plan',
      author: dana,
      lang: 'en',
      at: { day: 0, hour: 9 },
      text: 'Reminder: steering next Thursday. I would like every workstream lead to post a one-line status in their group by Wednesday evening.',
      reactions: [
        { by: alice, emoji: '👍' },
        { by: sam, emoji: '👍' },
        { by: lea, emoji: '👍' },
      ],
    },
    {
      group: 'contract',
      author: sofia,
      lang: 'en',
      at: { day: 0, hour: 9 },
      text: 'DPA security annex v3 reviewed — two minor comments left in the document. It should be ready for signature next week.',
      reactions: [
        { by: victor, emoji: '👍' },
        { by: alice, emoji: '👍' },
      ],
    },
    {
      group: 'success-criteria',
      author: sam,
      lang: 'en',
      at: { day: 0, hour: 10 },
      text: 'Scorecard against the criteria, shadow run week 1:\n1. on track — no stop missed\n2. 0.5 false alarms this week ✅\n3. OEE latency 2 min ✅\n4. 87% of alerts acknowledged within the shift ✅',
      reactions: [
        { by: dana, emoji: '👍' },
        { by: julien, emoji: '🎉' },
      ],
    },
    {
      group: 'steering',
      author: dana,
      lang: 'en',
      at: { day: 0, hour: 10 },
      text: 'One more thing: our executive committee meets the week after the decision date. If we want a signature before quarter end, the contract must be agreed by its milestone date — there is no slack.',
      replies: [{ author: alice, lang: 'en', text: "Understood. Victor and Marc meet on Tuesday; I'll push to close the two open points." }],
    },
    {
      group: 'implementation',
      author: lea,
      lang: 'fr',
      at: { day: 0, hour: 11 },
      text: "Point d'étape pour jeudi : planning v1 commenté, option B (SAP en lecture seule pour la vague 1) ajoutée, consultants de la vague 1 confirmés côté Contoso.",
      reactions: [{ by: julien, emoji: '👍' }],
    },
    {
      group: 'business-case',
      author: priya,
      lang: 'en',
      at: { day: 0, hour: 12 },
      text: 'Conservative case draft (50% of the benefit, 6- and 9-month lag for waves 2 and 3): payback **19 months**, 3-year net benefit €1.1M. Still clearly positive; the model is most sensitive to the downtime cost at Bremen.',
      replies: [
        { author: helen, lang: 'en', text: "That's the number I'll take to the board. Thank you." },
        { author: claire, lang: 'fr', text: 'Je regarde ça demain matin.' },
      ],
      reactions: [
        { by: dana, emoji: '👍' },
        { by: alice, emoji: '👍' },
      ],
    },
    {
      group: 'internal',
      author: sam,
      lang: 'en',
      at: { day: 0, hour: 14 },
      text: "FYI the night-shift catch at Lyon is our best story so far. I'd like to ask Julien whether we can use it (anonymised) as a public reference later.",
      replies: [{ author: alice, lang: 'en', text: "Ask after the readout — let's not push anything before the decision." }],
    },
    {
      group: 'contract',
      author: marc,
      lang: 'fr',
      at: { day: 0, hour: 15 },
      text: 'Retour de notre direction juridique : OK pour 1,5× avec un plafond spécifique pour les données, OK pour le droit français et les tribunaux de Paris. Reste à caler les pénalités SLA.',
      replies: [{ author: victor, lang: 'fr', text: 'Excellente nouvelle, merci Marc. Je vous propose un barème demain.' }],
      reactions: [{ by: alice, emoji: '🎉' }],
    },
    {
      group: 'committee',
      author: dana,
      lang: 'en',
      at: { day: 0, hour: 16 },
      text: 'Draft recommendation for the board (committee only): go with Contoso, subject to a final price under our ceiling and SSO working. Comments by Wednesday please.',
      replies: [
        { author: helen, lang: 'en', text: 'Fine by me. Attach the conservative case.' },
        { author: claire, lang: 'fr', text: "D'accord, je prépare l'annexe financière." },
      ],
    },
  ]),

  secrets: {
    seller: ['€298k/yr on a 3-year term', '€336k/yr', 'keep 2× as the last concession'],
    buyer: ['a ceiling of €340k per year', 'Offre Litware reçue : 290 k€/an', 'Aim for 10% under the ceiling'],
  },
};

/** The evaluation's space (id, name, stage, decision date offset). */
export const SPACE = EVALUATION.space;
/** Who can sign in to each company's host app. */
export const SELLER_PEOPLE: readonly SeedPerson[] = EVALUATION.seller.people;
export const BUYER_PEOPLE: readonly SeedPerson[] = EVALUATION.buyer.people;

import { agreementTerms, verifyAgreementSignature, type AgreementView } from '@mutual/protocol';
import { createLocalJWKSet } from 'jose';
import type { Federation } from '../federation/federation.js';
import type { Agreement } from '../store/store.js';

/**
 * An agreement as readers see it, with `committed` true only when both organisations' signatures
 * verify here — with our own keys for ours and the pinned keys for the peer's.
 */
export async function agreementView(federation: Federation, group: { id: string; space: string }, agreement: Agreement): Promise<AgreementView> {
  const { keys, directory, config } = federation.deps;
  const keysOf = async (signer: string) =>
    signer === config.organisation.domain ? createLocalJWKSet(await keys.jwks()) : await directory.keysOf(signer);
  const terms = agreementTerms(group, { ...agreement, agreement: agreement.id });
  const signatures = [{ by: agreement.proposedBy, signature: agreement.proposerSignature }];
  if (agreement.countersignedBy && agreement.countersignature) {
    signatures.push({ by: agreement.countersignedBy, signature: agreement.countersignature });
  }
  let committed = signatures.length === 2 && new Set(signatures.map((s) => s.by)).size === 2;
  for (const { by, signature } of signatures) {
    const signerKeys = await keysOf(by);
    committed &&= Boolean(signerKeys) && (await verifyAgreementSignature(terms, signature, by, signerKeys!).then(() => true, () => false));
  }
  const { id, kind, title, date, measure, parties } = agreement;
  return { id, group: group.id, kind, title, ...(date && { date }), ...(measure && { measure }), parties, signatures, committed };
}

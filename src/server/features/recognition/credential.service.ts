import { and, eq } from 'drizzle-orm';
import type { Tier } from '../../../shared/recognition.contract.js';
import { coalitions, organizations } from '../../db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import './recognition.policy.js';
import { programOf } from './recognition.service.js';
import { recognitionAwards, recognitionNominations, recognitionRounds } from './recognition.table.js';

export interface PublicAward {
  id: string;
  tier: Tier;
  year: number;
  issuedAt: Date;
  organizationName: string;
  organizationWebsite: string | null;
  coalition: { slug: string; name: string; mission: string | null };
  programName: string;
  endorsedBy: string | null;
  credentialUrl: string;
  verifyUrl: string;
  issuerUrl: string;
}

const tierName = (tier: Tier) => tier[0]!.toUpperCase() + tier.slice(1);

/** An award as the public sees it: found by its id alone (no coalition in the URL), no personal data. */
export async function loadPublicAward(ctx: Ctx, id: string): Promise<PublicAward> {
  authorize(ctx, 'recognition.credential');
  const [row] = await ctx.db
    .select({
      id: recognitionAwards.id,
      tier: recognitionAwards.tier,
      year: recognitionAwards.year,
      issuedAt: recognitionAwards.issuedAt,
      coalitionId: coalitions.id,
      coalitionSlug: coalitions.slug,
      coalitionName: coalitions.name,
      mission: coalitions.mission,
      timeZone: coalitions.timeZone,
      organizationName: organizations.name,
      website: organizations.website,
      endorserId: recognitionRounds.endorsedByOrganizationId,
    })
    .from(recognitionAwards)
    .innerJoin(coalitions, eq(coalitions.id, recognitionAwards.coalitionId))
    .innerJoin(organizations, and(eq(organizations.coalitionId, recognitionAwards.coalitionId), eq(organizations.id, recognitionAwards.organizationId)))
    .innerJoin(recognitionNominations, and(eq(recognitionNominations.coalitionId, recognitionAwards.coalitionId), eq(recognitionNominations.id, recognitionAwards.nominationId)))
    .innerJoin(recognitionRounds, and(eq(recognitionRounds.coalitionId, recognitionNominations.coalitionId), eq(recognitionRounds.id, recognitionNominations.roundId)))
    .where(eq(recognitionAwards.id, id));
  if (!row) throw notFound('Credential');
  const [endorser] = row.endorserId
    ? await ctx.db.select({ name: organizations.name }).from(organizations).where(and(eq(organizations.coalitionId, row.coalitionId), eq(organizations.id, row.endorserId)))
    : [];
  const program = await programOf(ctx.db, { id: row.coalitionId, name: row.coalitionName, timeZone: row.timeZone });
  return {
    id: row.id,
    tier: row.tier as Tier,
    year: row.year,
    issuedAt: row.issuedAt,
    organizationName: row.organizationName,
    organizationWebsite: row.website,
    coalition: { slug: row.coalitionSlug, name: row.coalitionName, mission: row.mission },
    programName: program.name,
    endorsedBy: endorser?.name ?? null,
    credentialUrl: `${ctx.baseUrl}/api/v1/credentials/${row.id}`,
    verifyUrl: `${ctx.baseUrl}/p/${row.coalitionSlug}/credentials/${row.id}`,
    issuerUrl: `${ctx.baseUrl}/api/v1/public/coalitions/${row.coalitionSlug}`,
  };
}

/**
 * The award as an Open Badges 3.0 OpenBadgeCredential (JSON-LD). It is verifiable by retrieval: its
 * id is the URL it is served from, by the issuer's own server, for anyone.
 */
export function openBadgeCredential(a: PublicAward): Record<string, unknown> {
  const title = `${tierName(a.tier)} Community Partner ${a.year}`;
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: a.credentialUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${title}: ${a.organizationName}`,
    description: `${a.organizationName} is recognized as a ${tierName(a.tier)} Community Partner of the ${a.coalition.name} for ${a.year}.`,
    issuer: { id: a.issuerUrl, type: ['Profile'], name: a.coalition.name, url: a.issuerUrl, ...(a.coalition.mission ? { description: a.coalition.mission } : {}) },
    validFrom: a.issuedAt.toISOString(),
    awardedDate: a.issuedAt.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', hashed: false, identityHash: a.organizationName, identityType: 'name' }],
      ...(a.organizationWebsite ? { id: a.organizationWebsite } : {}),
      achievement: {
        id: `${a.issuerUrl}#recognition-${a.tier}`,
        type: ['Achievement'],
        achievementType: 'Award',
        name: `${tierName(a.tier)} Community Partner`,
        description: `${a.programName}: ${tierName(a.tier)} tier.`,
        criteria: {
          narrative: 'Scored from the coalition’s records for the calendar year: internship and job placements, students impacted, participants and volunteers, meeting attendance; for employers, engagements with students and dollars invested; for education institutions, specialty skill classes and tech-focused certificate programs. Approved by the review committee (the Leadership Council).',
        },
        ...(a.endorsedBy ? { tag: [`Recognized by ${a.endorsedBy}`] } : {}),
      },
      term: String(a.year),
    },
    evidence: [{ id: a.verifyUrl, type: ['Evidence'], name: 'Verification page', narrative: `Verify at ${a.verifyUrl}` }],
  };
}

import { and, eq, sql } from 'drizzle-orm';
import { organizationTypes, type OrganizationType } from '../../../shared/common.contract.js';
import { newId } from '../../platform/auth/secrets.js';
import { registerImporter } from '../../platform/imports/importers.js';
import { organizations } from './organizations.table.js';

interface OrganizationRecord {
  externalId: string | null;
  name: string;
  type: OrganizationType;
  subtype: string | null;
  website: string | null;
  address: string | null;
}

/** CONTRACT: `organizations` — name,type,website (+ external_id, subtype, address). */
registerImporter<OrganizationRecord>({
  kind: 'organizations',
  analyze: ['organizations'],
  action: 'organization.create',
  description: 'Member organizations: name,type,website (optional external_id, subtype, address)',
  requiredColumns: ['name', 'type'],
  validate(values) {
    const errors: { column: string; message: string }[] = [];
    const name = values.name ?? '';
    if (!name) errors.push({ column: 'name', message: 'Required' });
    else if (name.length > 200) errors.push({ column: 'name', message: 'At most 200 characters' });
    const type = (values.type ?? '').toLowerCase();
    if (!organizationTypes.includes(type as OrganizationType)) errors.push({ column: 'type', message: `Must be one of ${organizationTypes.join(', ')}` });
    const website = values.website || null;
    if (website && !/^https?:\/\/[^\s]+$/i.test(website)) errors.push({ column: 'website', message: 'Must start with http:// or https://' });
    if (errors.length) return { errors };
    return {
      ok: { externalId: values.external_id || null, name, type: type as OrganizationType, subtype: values.subtype || null, website, address: values.address || null },
    };
  },
  keyOf: (r) => (r.externalId ? `external_id ${r.externalId}` : `name ${r.name.toLowerCase()}`),
  async write(tx, coalitionId, records) {
    let created = 0;
    let updated = 0;
    const existing = await tx.select({ id: organizations.id, name: organizations.name, externalId: organizations.externalId }).from(organizations).where(eq(organizations.coalitionId, coalitionId));
    const byExternalId = new Map(existing.filter((r) => r.externalId).map((r) => [r.externalId!, r.id]));
    const byName = new Map(existing.map((r) => [r.name.toLowerCase(), r.id]));
    for (const record of records) {
      const id = (record.externalId && byExternalId.get(record.externalId)) || (!record.externalId && byName.get(record.name.toLowerCase()));
      if (id) {
        const [changed] = await tx
          .update(organizations)
          .set({ ...record, updatedAt: new Date() })
          .where(
            and(
              eq(organizations.coalitionId, coalitionId),
              eq(organizations.id, id),
              sql`(${organizations.name}, ${organizations.type}, ${organizations.subtype}, ${organizations.website}, ${organizations.address}) is distinct from (${record.name}, ${record.type}, ${record.subtype}, ${record.website}, ${record.address})`,
            ),
          )
          .returning({ id: organizations.id });
        if (changed) updated++;
      } else {
        await tx.insert(organizations).values({ coalitionId, id: newId(), ...record });
        created++;
      }
    }
    return { created, updated, unchanged: records.length - created - updated };
  },
});

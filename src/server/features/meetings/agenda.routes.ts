import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.contract.js';
import * as c from '../../../shared/meetings.contract.js';
import { responses } from '../../platform/http/schemas.js';
import { tenantContext } from '../../platform/tenancy.js';
import { workerModule, workersOf } from '../../platform/workers/worker-pool.js';
import * as agenda from './agenda.service.js';
import { sendFollowUp } from './follow-up.js';
import { getMeeting } from './meetings.service.js';

const pdf = z.any().describe('application/pdf');
const agendaPdf = workerModule<typeof import('./agenda.pdf.js')>(new URL('./agenda.pdf.js', import.meta.url));

export const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['meetings'];
  const base = '/coalitions/:slug/meetings/:id';

  app.get(`${base}/agenda`, { schema: { tags, summary: 'The live agenda: standing sections filled with what changed since the previous meeting', params: idParams, response: responses({ 200: c.agendaDto }) } }, async (request) =>
    agenda.getAgenda(await tenantContext(request), request.params.id),
  );
  app.get(`${base}/agenda.pdf`, { schema: { tags, summary: 'The agenda, printable (PDF)', params: idParams, response: responses({ 200: pdf }) } }, async (request, reply) => {
    const ctx = await tenantContext(request);
    const [meeting, live] = await Promise.all([getMeeting(ctx, request.params.id), agenda.getAgenda(ctx, request.params.id)]);
    const body = await workersOf(app.services).run(agendaPdf, 'agendaPdf', [meeting, live, ctx.coalition.name]);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="agenda-${meeting.startsAt.slice(0, 10)}.pdf"`).send(body);
  });
  app.post(`${base}/agenda-items`, { schema: { tags, summary: 'Propose an agenda item', params: idParams, body: c.agendaItemCreateInput, response: responses({ 201: c.agendaItemDto }) } }, async (request, reply) =>
    reply.status(201).send(await agenda.proposeAgendaItem(await tenantContext(request), request.params.id, request.body)),
  );
  app.patch(`${base}/agenda-items/:itemId`, { schema: { tags, summary: 'Accept, decline, edit or order a proposed item', params: c.agendaItemParams, body: c.agendaItemUpdateInput, response: responses({ 200: c.agendaItemDto }) } }, async (request) =>
    agenda.updateAgendaItem(await tenantContext(request), request.params.id, request.params.itemId, request.body),
  );
  app.post(`${base}/follow-up`, { schema: { tags, summary: 'E-mail the minutes and each person’s action items (a background job)', params: idParams, response: responses({ 202: c.followUpDto }) } }, async (request, reply) =>
    reply.status(202).send(await sendFollowUp(await tenantContext(request), request.params.id)),
  );
};

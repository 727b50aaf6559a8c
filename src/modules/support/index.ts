/** The support module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { TICKET_CATEGORIES, type TicketCategory } from './classify/categories.ts';
export { modelFigures, type ModelFigures, trainTicketModel, type TrainResult } from './model.service.ts';
export { applyTicketBatch, getTicket, listTickets } from './ticket.service.ts';
export { applyEventLogBatch, newEventLogState } from './event-log.service.ts';
export {
  type QuestionTicket,
  questionTicketsSince,
  type TicketFact,
  ticketsByAccountSince,
} from './ticket-facts.service.ts';
export { workspaceLabeller } from './ticket-labels.service.ts';
export type { Ticket, TicketRecord } from './ticket.ts';
export { ticketTimelineOf } from './ticket-timeline.service.ts';
export { setZendeskSecret } from './zendesk/zendesk-secret.service.ts';
export type { SupportTicketsChanged } from './support.events.ts';

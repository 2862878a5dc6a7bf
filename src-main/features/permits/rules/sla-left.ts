import { workingDaysBetween, type Holidays, type SlaResult } from './workdays';

/**
 * How much time an open permit has left before its SLA deadline, as the queues show it:
 * "late by N working days", "due today (until closing)", or "N working days left".
 */
export type SlaLeft =
  | { kind: 'late'; workingDays: number; dueAt: string }
  | { kind: 'today'; dueAt: string }
  | { kind: 'days'; workingDays: number; dueAt: string }
  | { kind: 'paused'; dueAt: string };

export function slaLeft(sla: Pick<SlaResult, 'state' | 'dueDate' | 'dueAt'>, today: string, holidays?: Holidays): SlaLeft {
  if (sla.state === 'paused') return { kind: 'paused', dueAt: sla.dueAt };
  if (sla.state === 'late') return { kind: 'late', workingDays: Math.max(1, workingDaysBetween(sla.dueDate, today, holidays)), dueAt: sla.dueAt };
  if (sla.state === 'due_today' || sla.dueDate <= today) return { kind: 'today', dueAt: sla.dueAt };
  return { kind: 'days', workingDays: workingDaysBetween(today, sla.dueDate, holidays), dueAt: sla.dueAt };
}

// Long calls as jobs: while a call named with a job id runs (batch printing, an export, an
// import), its caller's screen asks for its progress and may cancel it. See core/api/jobs.ts.
import { signedInUser } from '../../core/api/errors';
import { z } from 'zod';
import { defineMethod } from '../../core/api/registry';
import { fieldMessage, label } from '../../core/api/validation';
import { JOB_ID } from '../../core/api/jobs';

const jobId = label(z.string().regex(JOB_ID, fieldMessage({ id: 'nomor pekerjaan tidak sah', en: 'invalid job id' })), { id: 'Nomor pekerjaan', en: 'Job id' });

export const jobMethods = {
  'jobs.progress': defineMethod({
    summary: 'Progres panggilan panjang milik Anda (cetak massal, ekspor, impor) yang sedang berjalan; null bila sudah selesai atau belum mulai.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ id: jobId }),
    handler: (ctx, input) => ctx.app.jobs.status(signedInUser(ctx).id, input.id),
  }),

  'jobs.cancel': defineMethod({
    summary: 'Membatalkan panggilan panjang milik Anda; panggilan itu menjawab "dibatalkan" dan tidak menulis apa pun yang belum tersimpan.',
    access: 'authenticated',
    mutation: true,
    input: z.strictObject({ id: jobId }),
    // The stop is immediate, before this call's own transaction (which only records it).
    prepare: (ctx, input) => ({
      method: ctx.app.jobs.status(signedInUser(ctx).id, input.id)?.method ?? null,
      running: ctx.app.jobs.cancel(signedInUser(ctx).id, input.id),
    }),
    handler: async (ctx, input, cancelled) => {
      await ctx.audit({ entity: 'jobs', entityId: input.id, after: { cancelled: cancelled.method, wasRunning: cancelled.running } });
      return { cancelled: cancelled.running };
    },
  }),
};

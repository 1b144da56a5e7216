import { postAs, type AgencyName, type TestOfficer } from './officers.js';
import type { TestApp } from './test-app.js';

const STEP_AGENCIES = ['customs', 'border_guard', 'quarantine', 'yard'] as const;

/**
 * Refuses every vehicle still being worked on in a gate's queues (waiting, claimed or held steps), so the
 * queues are empty: tests share one database, and some need the head of a queue to be their own truck.
 * `crew` needs an officer of each agency and a supervisor posted at the gate.
 */
export async function emptyQueues(
  t: TestApp,
  gate: string,
  crew: Record<AgencyName, TestOfficer>,
  note: string,
): Promise<void> {
  const refuse = async (stepId: string, who: TestOfficer): Promise<void> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/steps/${stepId}/decision`,
      headers: who.headers,
      payload: { decision: 'refuse', note },
    });
    if (res.statusCode !== 200) throw new Error(`could not clear step ${stepId}: ${res.body}`);
  };
  for (const agency of STEP_AGENCIES) {
    for (;;) {
      const step = await t.request({
        method: 'POST',
        url: `/api/v1/gates/${gate}/queues/${agency}/claim`,
        headers: crew[agency].headers,
      });
      if (step.statusCode === 204) break;
      if (step.statusCode !== 200) throw new Error(`could not claim at ${gate}/${agency}: ${step.body}`);
      await refuse(step.json().id, crew[agency]);
    }
    const queue = await t.request({
      method: 'GET',
      url: `/api/v1/gates/${gate}/queues/${agency}`,
      headers: crew.supervisor.headers,
    });
    for (const item of queue.json().items) await refuse(item.stepId, crew.supervisor);
  }
}

/**
 * Claims the head of an agency's queue at `gate`, which must be this declaration's step, and decides it (a
 * yard pass with a payment reference); returns the step's id.
 */
export async function decideHeadOfQueue(
  t: TestApp,
  gate: string,
  crew: Record<AgencyName, TestOfficer>,
  agency: AgencyName,
  d: { id: string; reference: string },
  decision: 'pass' | 'hold' | 'refuse' = 'pass',
): Promise<string> {
  const queue = await t.request({
    method: 'GET',
    url: `/api/v1/gates/${gate}/queues/${agency}`,
    headers: crew[agency].headers,
  });
  const head = queue.json().items.find((i: any) => i.position === 1);
  expect(head?.declarationId).toBe(d.id);
  const step = await postAs(t, crew[agency], `/api/v1/gates/${gate}/queues/${agency}/claim`);
  expect(step.json().id).toBe(head.stepId);
  const extra = agency === 'yard' && decision === 'pass' ? { paymentReference: `PT-${d.reference}` } : {};
  const res = await postAs(t, crew[agency], `/api/v1/steps/${head.stepId}/decision`, { decision, ...extra });
  expect(res.statusCode).toBe(200);
  return head.stepId;
}

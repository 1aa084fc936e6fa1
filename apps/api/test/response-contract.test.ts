import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './harness.ts';
import { ResponseContract } from './response-contract.ts';

let harness: Harness;
let contract: ResponseContract;

beforeAll(async () => {
  harness = await Harness.start();
  contract = new ResponseContract(harness.app);
});

afterAll(async () => {
  await harness.stop();
});

const json = (body: unknown, status: number, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('the response contract every API test checks', () => {
  it('accepts an answer that is what the OpenAPI document says', async () => {
    expect(await contract.breach('GET', '/api/v1/reviews?limit=5', json({ items: [], nextCursor: null }, 200))).toBeNull();
    const problem = { type: '/problems/not-found', title: 'Not found', status: 404, detail: 'There is no review.' };
    expect(await contract.breach('GET', '/api/v1/reviews/0d4c6c1e-7a53-4a0e-9d47-8b1de3c2e001', json(problem, 404, 'application/problem+json'))).toBeNull();
  });

  it('names a status the route does not document', async () => {
    expect(await contract.breach('GET', '/api/v1/reviews', json({}, 418))).toMatch(/^GET \/api\/v1\/reviews answered 418, a status its OpenAPI entry does not list/);
  });

  it('names the fields of a body that breaks the documented schema', async () => {
    const breach = await contract.breach('GET', '/api/v1/reviews', json({ items: 'none', nextCursor: null }, 200));
    expect(breach).toContain('a body that breaks its documented schema');
    expect(breach).toContain('items:');
  });

  it('names a media type the status does not document', async () => {
    expect(await contract.breach('GET', '/api/v1/reviews', json({ items: [], nextCursor: null }, 200, 'application/problem+json'))).toContain(
      'which its OpenAPI entry does not document',
    );
  });

  it('matches a path to its route by its parameters, and leaves routes outside the document alone', async () => {
    expect(await contract.breach('PATCH', '/api/v1/users/7f1d', json({}, 418))).toContain('PATCH /api/v1/users/{id} answered 418');
    expect(await contract.breach('GET', '/not-an-api-route', json({}, 418))).toBeNull();
  });
});

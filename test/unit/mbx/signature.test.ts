/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { mbxSignature, mbxStringToSign } from '../../../nodes/Mbx/signature';
import { fixturesDir } from '../../helpers/paths';

interface Vector {
	secret: string;
	method: string;
	body: string;
	url: string;
	date: string;
	signature: string;
}

const vectors = (
	JSON.parse(readFileSync(path.join(fixturesDir, 'mbx-signature-vectors.json'), 'utf8')) as {
		vectors: Vector[];
	}
).vectors;

describe('MBX signature', () => {
	it('has the 50 official vectors to check against', () => {
		expect(vectors).toHaveLength(50);
	});

	it.each(vectors.map((v, i) => [i, v] as const))('reproduces official vector %i', (_i, vector) => {
		expect(mbxSignature(vector)).toBe(vector.signature);
	});

	it('builds the string to sign as method, body md5, date and url on separate lines', () => {
		expect(mbxStringToSign({ method: 'GET', body: '{}', date: '2015-04-13T15:39:47.123Z', url: '/v2/countries/1' })).toBe(
			'GET\n99914b932bd37a50b983c5e7c90ae93b\n2015-04-13T15:39:47.123Z\n/v2/countries/1',
		);
		expect(mbxStringToSign({ method: 'GET', body: '', date: 'd', url: '/u' }).split('\n')[1]).toBe(
			'd41d8cd98f00b204e9800998ecf8427e',
		);
	});

	it('changes when any signed part changes', () => {
		const base = { secret: 's', method: 'GET', body: '', date: '2026-01-01T00:00:00.000Z', url: '/v2/items?q=1' };
		const signature = mbxSignature(base);
		for (const change of [{ secret: 't' }, { method: 'POST' }, { body: '{}' }, { date: '2026-01-01T00:00:00.001Z' }, { url: '/v2/items' }]) {
			expect(mbxSignature({ ...base, ...change })).not.toBe(signature);
		}
	});
});

import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { toOpenBoxesDate } from '../../../nodes/OpenBoxes/dates';

const context = { getNode: () => ({ name: 'OpenBoxes' }) } as unknown as IExecuteFunctions;

describe('toOpenBoxesDate', () => {
	it('turns ISO dates and date-times into MM/dd/yyyy and keeps US dates', () => {
		expect(toOpenBoxesDate(context, '2026-11-24', 'Created After', 0)).toBe('11/24/2026');
		expect(toOpenBoxesDate(context, '2026-01-05T13:45:00.000+01:00', 'Created After', 0)).toBe('01/05/2026');
		expect(toOpenBoxesDate(context, '11/24/2026', 'Created After', 0)).toBe('11/24/2026');
		expect(toOpenBoxesDate(context, '', 'Created After', 0)).toBeUndefined();
	});

	it('refuses what it cannot read, naming the field', () => {
		expect(() => toOpenBoxesDate(context, 'next tuesday', 'Status Start Date', 2)).toThrow(NodeOperationError);
		expect(() => toOpenBoxesDate(context, '2026-13-45', 'Status Start Date', 2)).toThrow('Status Start Date "2026-13-45" is not a date OpenBoxes can read');
	});
});

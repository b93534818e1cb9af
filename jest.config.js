/** Five projects: unit (pure logic, mocks allowed), sandbox (real HTTP against the local vendor
 * sandboxes), reliability (what must hold under crashes, restarts and hostile input: against the
 * sandboxes and a real n8n), e2e (the packed tarball installed into a real n8n) and browser (that
 * n8n's editor in Chromium, as a builder uses it). `npm test` runs all five. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

const project = (name, roots, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	roots,
	testMatch: ['**/*.test.ts'],
	...extra,
});

module.exports = {
	globalSetup: '<rootDir>/test/helpers/globalSetup.js',
	reporters: ['default', '<rootDir>/test/helpers/summaryReporter.js'],
	projects: [
		project('unit', ['<rootDir>/test/unit']),
		project('sandbox', ['<rootDir>/test/sandbox']),
		project('reliability', ['<rootDir>/test/reliability']),
		project('e2e', ['<rootDir>/test/e2e']),
		project('browser', ['<rootDir>/test/browser']),
	],
};
